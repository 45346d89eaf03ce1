import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useRef } from 'react';
import { sanitizeEntryHtml } from './EntryHtml';

/**
 * The journal's rich-text editor (TipTap). Loaded lazily by the pages that edit entries and
 * retrospectives only, so TipTap and ProseMirror stay out of every other chunk. It writes only
 * what the journal keeps: paragraphs, headings 1–3, bold, italic, underline, strike, lists,
 * quotes, code and links (horizontal rules are off: the journal would drop them).
 */
export interface RichTextEditorProps {
  /** The starting HTML, sanitised before ProseMirror parses it. */
  initialHtml: string;
  onChange: (html: string) => void;
  label: string;
}

export function RichTextEditor({ initialHtml, onChange, label }: RichTextEditorProps) {
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [1, 2, 3] },
        horizontalRule: false,
        link: { openOnClick: false, autolink: true, protocols: ['mailto'], HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' } },
      }),
    ],
    // TipTap's own <style> tag is refused by the SPA's CSP (style-src 'self'): its rules live in journal-pages.css.
    injectCSS: false,
    content: sanitizeEntryHtml(initialHtml) ?? '',
    shouldRerenderOnTransaction: true,
    editorProps: { attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox', 'data-testid': 'entry-editor-content' } },
    onUpdate: ({ editor: e }) => onChangeRef.current(e.getHTML()),
  });
  return (
    <div className="jp-editor" data-testid="entry-editor">
      {editor && <Toolbar editor={editor} />}
      <EditorContent editor={editor} />
    </div>
  );
}

interface Tool {
  label: string;
  text: string;
  active: (e: Editor) => boolean;
  run: (e: Editor) => void;
}

const TOOLS: readonly Tool[] = [
  { label: 'Bold', text: 'B', active: (e) => e.isActive('bold'), run: (e) => e.chain().focus().toggleBold().run() },
  { label: 'Italic', text: 'I', active: (e) => e.isActive('italic'), run: (e) => e.chain().focus().toggleItalic().run() },
  { label: 'Underline', text: 'U', active: (e) => e.isActive('underline'), run: (e) => e.chain().focus().toggleUnderline().run() },
  { label: 'Strike', text: 'S', active: (e) => e.isActive('strike'), run: (e) => e.chain().focus().toggleStrike().run() },
  { label: 'Heading', text: 'H2', active: (e) => e.isActive('heading', { level: 2 }), run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
  { label: 'Bullet list', text: '•', active: (e) => e.isActive('bulletList'), run: (e) => e.chain().focus().toggleBulletList().run() },
  { label: 'Numbered list', text: '1.', active: (e) => e.isActive('orderedList'), run: (e) => e.chain().focus().toggleOrderedList().run() },
  { label: 'Quote', text: '❝', active: (e) => e.isActive('blockquote'), run: (e) => e.chain().focus().toggleBlockquote().run() },
  { label: 'Code', text: '</>', active: (e) => e.isActive('codeBlock'), run: (e) => e.chain().focus().toggleCodeBlock().run() },
];

function Toolbar({ editor }: { editor: Editor }) {
  return (
    <div className="jp-editor-tools" role="toolbar" aria-label="Formatting">
      {TOOLS.map((tool) => (
        <button key={tool.label} type="button" aria-label={tool.label} title={tool.label} aria-pressed={tool.active(editor)} onClick={() => tool.run(editor)}>
          {tool.text}
        </button>
      ))}
      <button
        type="button"
        aria-label="Link"
        title="Link (select text first)"
        aria-pressed={editor.isActive('link')}
        onClick={() => {
          if (editor.isActive('link')) {
            editor.chain().focus().unsetLink().run();
            return;
          }
          const href = window.prompt('Link address (https://… or mailto:…)');
          if (href) editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
        }}
      >
        🔗
      </button>
    </div>
  );
}
