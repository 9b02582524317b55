/**
 * Whether the task pane is on screen. With the shared runtime the page loads as soon as an FP.* function
 * calculates, before anyone opens the pane, and stays loaded after the pane closes (Microsoft, "Configure
 * your Office Add-in to use a shared runtime": the runtime keeps running "even when the task pane is
 * closed"). Office reports changes with Office.addin.onVisibilityModeChanged ("Show or hide the task
 * pane": "Code that runs whenever the task pane is made visible"); the page's own visibility is the
 * best guess at start-up and a fallback where that event does not exist.
 */
export type VisibilityListener = (visible: boolean) => void;

interface VisibilityHost {
  addin?: {
    onVisibilityModeChanged?: (
      handler: (args: { visibilityMode: string }) => void,
    ) => Promise<() => Promise<void>>;
  };
}

export function pageVisible(doc: Document | undefined = globalThis.document): boolean {
  return !doc || doc.visibilityState !== "hidden";
}

/** Calls `listener` whenever the pane is shown or hidden; returns a function that stops listening. */
export function watchVisibility(
  listener: VisibilityListener,
  office: VisibilityHost | undefined = (globalThis as { Office?: VisibilityHost }).Office,
  doc: Document | undefined = globalThis.document,
): () => void {
  let stopOffice: (() => Promise<void>) | null = null;
  let stopped = false;
  const register = office?.addin?.onVisibilityModeChanged;
  if (register) {
    register
      .call(office!.addin, (args) => listener(args.visibilityMode === "Taskpane"))
      .then((stop) => (stopped ? void stop() : (stopOffice = stop)))
      .catch(() => undefined);
  }
  const onPage = () => listener(pageVisible(doc));
  doc?.addEventListener("visibilitychange", onPage);
  return () => {
    stopped = true;
    doc?.removeEventListener("visibilitychange", onPage);
    if (stopOffice) void stopOffice();
  };
}
