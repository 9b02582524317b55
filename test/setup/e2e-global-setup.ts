/**
 * Before any end-to-end test (jest runs a project's globalSetup only when a test of that project runs):
 * without a Chromium-family browser, say so first, with the install command for this system, and stop the
 * whole run at once, so a missing browser is never mistaken for a broken product.
 */
import { findBrowser, missingBrowserMessage } from "./find-browser";

export default function checkBrowser(): void {
  if (findBrowser()) return;
  const message = missingBrowserMessage();
  const error = new Error(message);
  error.stack = message;
  throw error;
}
