import { contentSecurityPolicy } from '@marketswarm/shared/http';

/**
 * The one inline style the SPA runs: lightweight-charts appends a <style> for its TradingView
 * attribution logo (the attribution its licence asks for). Allowed by its hash instead of
 * 'unsafe-inline', so no injected <style> can restyle the page. The spec recomputes it from the
 * installed library: an upgrade that changes the text fails there, not silently in the browser.
 */
export const CHART_ATTRIBUTION_STYLE_HASH = "'sha256-3pRED1tOXas1FXFoPb9TGCjmYe9XQsmO9OV23khV2nY='";

/**
 * Everything the SPA loads is its own: the built scripts and stylesheets, same-origin fetch,
 * EventSource and WebSocket. React's `style={…}` props and the charts' element styles go through
 * the CSSOM, which style-src does not govern, so no 'unsafe-inline' is needed for them.
 * No upgrade-insecure-requests: the static server must also work over plain HTTP on 127.0.0.1.
 */
export const SPA_CONTENT_SECURITY_POLICY = contentSecurityPolicy({
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", CHART_ATTRIBUTION_STYLE_HASH],
  'font-src': ["'self'"],
  'img-src': ["'self'"],
});
