/** A full-page message while a page's session or code is on its way. */
export function Splash({ text, role }: { text: string; role?: 'alert' }) {
  return (
    <div className="splash" role={role ?? 'status'}>
      {text}
    </div>
  );
}
