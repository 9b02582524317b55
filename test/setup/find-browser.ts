/**
 * Finds a Chromium-family browser the way people have one, for the end-to-end tests and the browser bench:
 * CHROMIUM_PATH first, then Chromium (Debian/Ubuntu), Google Chrome and Microsoft Edge in their usual places
 * on Linux, Windows and macOS. Never downloads one. Chrome and Edge in their standard places are launched by
 * playwright-core's channel ("chrome", "msedge"), which knows their installs; anything else by path.
 */
import * as fs from "fs";
import * as path from "path";

export interface FoundBrowser {
  name: string;
  executablePath: string;
  /** playwright-core's channel for an installed Chrome or Edge */
  channel?: "chrome" | "msedge";
}

export interface Machine {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  exists: (file: string) => boolean;
  /** the contents of /etc/os-release, for the install command on Linux */
  osRelease?: () => string;
}

export const thisMachine: Machine = {
  platform: process.platform,
  env: process.env,
  exists: (file) => {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
  osRelease: () => {
    try {
      return fs.readFileSync("/etc/os-release", "utf8");
    } catch {
      return "";
    }
  },
};

type Candidate = Omit<FoundBrowser, "executablePath"> & { paths: string[] };

function candidates(m: Machine): Candidate[] {
  if (m.platform === "win32") {
    const roots = [m.env.LOCALAPPDATA, m.env.PROGRAMFILES, m.env["PROGRAMFILES(X86)"]].filter(
      (r): r is string => !!r,
    );
    const under = (rel: string) => roots.map((r) => path.win32.join(r, rel));
    return [
      { name: "Chromium", paths: under("Chromium\\Application\\chrome.exe") },
      { name: "Google Chrome", channel: "chrome", paths: under("Google\\Chrome\\Application\\chrome.exe") },
      { name: "Microsoft Edge", channel: "msedge", paths: under("Microsoft\\Edge\\Application\\msedge.exe") },
    ];
  }
  if (m.platform === "darwin") {
    const app = (bundle: string, binary: string) => {
      const rel = `${bundle}.app/Contents/MacOS/${binary}`;
      return [`/Applications/${rel}`, ...(m.env.HOME ? [`${m.env.HOME}/Applications/${rel}`] : [])];
    };
    return [
      { name: "Chromium", paths: app("Chromium", "Chromium") },
      { name: "Google Chrome", channel: "chrome", paths: app("Google Chrome", "Google Chrome") },
      { name: "Microsoft Edge", channel: "msedge", paths: app("Microsoft Edge", "Microsoft Edge") },
    ];
  }
  return [
    {
      name: "Chromium",
      paths: [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/snap/bin/chromium",
        "/usr/lib/chromium/chromium",
      ],
    },
    {
      name: "Google Chrome",
      channel: "chrome",
      paths: ["/opt/google/chrome/chrome", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"],
    },
    {
      name: "Microsoft Edge",
      channel: "msedge",
      paths: ["/opt/microsoft/msedge/msedge", "/usr/bin/microsoft-edge"],
    },
  ];
}

/** The browser to use, or null when this machine has none. */
export function findBrowser(m: Machine = thisMachine): FoundBrowser | null {
  const chosen = m.env.CHROMIUM_PATH;
  if (chosen) return m.exists(chosen) ? { name: "CHROMIUM_PATH", executablePath: chosen } : null;
  for (const c of candidates(m)) {
    const at = c.paths.find((p) => m.exists(p));
    // playwright-core's channel looks only at the first, standard place; elsewhere launch by path.
    if (!at) continue;
    const found: FoundBrowser = { name: c.name, executablePath: at };
    if (c.channel && at === c.paths[0]) found.channel = c.channel;
    return found;
  }
  return null;
}

/** How to install a browser on this system, as one command. */
export function installCommand(m: Machine = thisMachine): string {
  if (m.platform === "win32") return "winget install --id Google.Chrome";
  if (m.platform === "darwin") return "brew install --cask google-chrome";
  const release = m.osRelease?.() ?? "";
  const id = (key: string) =>
    (release.match(new RegExp(`^${key}="?([^"\\n]*)`, "m"))?.[1] ?? "").toLowerCase();
  const family = `${id("ID")} ${id("ID_LIKE")}`;
  if (/\bubuntu\b/.test(family)) return "sudo snap install chromium";
  if (/\bdebian\b/.test(family)) return "sudo apt-get install -y chromium";
  if (/\b(fedora|rhel|centos)\b/.test(family)) return "sudo dnf install -y chromium";
  if (/\barch\b/.test(family)) return "sudo pacman -S chromium";
  if (/\b(suse|opensuse)\b/.test(family)) return "sudo zypper install chromium";
  return "install Chromium or Google Chrome with your package manager";
}

/** One sentence per language: no browser, and the command that installs one. */
export function missingBrowserMessage(m: Machine = thisMachine): string {
  const cmd = installCommand(m);
  const chosen = m.env.CHROMIUM_PATH;
  const nl = chosen
    ? `Geen browser op CHROMIUM_PATH (${chosen}) voor de end-to-end-tests; zet het pad goed of installeer er een met: ${cmd}`
    : `Geen Chromium, Google Chrome of Microsoft Edge gevonden voor de end-to-end-tests; installeer er een met: ${cmd} (of zet CHROMIUM_PATH).`;
  const en = chosen
    ? `No browser at CHROMIUM_PATH (${chosen}) for the end-to-end tests; fix the path or install one with: ${cmd}`
    : `No Chromium, Google Chrome or Microsoft Edge found for the end-to-end tests; install one with: ${cmd} (or set CHROMIUM_PATH).`;
  return `${nl}\n${en}`;
}

/** playwright-core's launch options for a found browser: by channel where it has one, else by path. */
export function launchTarget(b: FoundBrowser): { channel: string } | { executablePath: string } {
  return b.channel ? { channel: b.channel } : { executablePath: b.executablePath };
}
