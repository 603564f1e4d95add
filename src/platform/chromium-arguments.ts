/**
 * The command-line flags every headless Chromium that Tansiq starts shares: the server's PDF
 * renderer (pdf/pdf-renderer.ts) and the browser tests and benchmarks (test/e2e/support/browser.ts).
 *
 * - No sandbox (root in containers) and no calls home: background networking, component updates
 *   and sync are off, since the machine may have no internet and its refused connections cost time.
 * - No omnibox pop-up page: since version 156, Chromium — headless too — loads its address bar's
 *   suggestion pop-up (chrome://omnibox-popup.top-chrome, a WebUI page with a renderer process of
 *   its own) ahead for each new window. On a 2-core machine that is 1–2.5 s of CPU beside the page
 *   being opened or printed; turning it off made a PDF 650 → 420 ms and opening the room screen in
 *   the benchmark ~1 s faster (docs/benchmarks.md). Feature names Chromium does not know are ignored.
 */
export const headlessChromiumArguments: readonly string[] = [
  '--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup,FullWebUIOmniboxFrame,PreloadTopChromeWebUI',
]
