// The Erasmus+ chat on another site: <script src="https://<this server>/embed.js" async></script> adds a
// button that opens this server's /embed page in a frame. Nothing else of the host page is touched.
(() => {
  const TEXTS = __TEXTS__;
  const script = document.currentScript;
  if (!script || !script.src) return;
  const origin = new URL(script.src).origin;
  const lang = (document.documentElement.lang || navigator.language || 'nl').slice(0, 2).toLowerCase() === 'en' ? 'en' : 'nl';
  const t = TEXTS[lang];
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = '💬';
  button.setAttribute('aria-label', t.open);
  button.setAttribute('aria-expanded', 'false');
  Object.assign(button.style, {
    position: 'fixed', right: '16px', bottom: '16px', width: '56px', height: '56px', borderRadius: '50%', border: '0',
    background: '#1f4e9c', color: '#fff', fontSize: '26px', cursor: 'pointer', boxShadow: '0 4px 14px rgba(0,0,0,.25)', zIndex: '2147483000',
  });
  let frame;
  button.addEventListener('click', () => {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.src = `${origin}/embed`;
      frame.title = t.title;
      Object.assign(frame.style, {
        position: 'fixed', right: '16px', bottom: '84px', width: 'min(400px, calc(100vw - 32px))', height: 'min(640px, calc(100vh - 110px))',
        border: '1px solid #d5dde8', borderRadius: '14px', boxShadow: '0 8px 30px rgba(0,0,0,.25)', background: '#fff', zIndex: '2147483000',
      });
      document.body.append(frame);
    } else {
      frame.hidden = !frame.hidden;
    }
    const open = !frame.hidden;
    button.setAttribute('aria-expanded', String(open));
    button.setAttribute('aria-label', open ? t.close : t.open);
    button.textContent = open ? '✕' : '💬';
    if (open) frame.focus();
  });
  document.body.append(button);
})();
