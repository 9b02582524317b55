/** The browser discovery on faked machines: which browser on which system, and the install command. */
import {
  findBrowser,
  installCommand,
  launchTarget,
  missingBrowserMessage,
  type Machine,
} from "./find-browser";

function machine(
  platform: NodeJS.Platform,
  files: string[],
  env: Record<string, string> = {},
  osRelease = "",
): Machine {
  const present = new Set(files);
  return { platform, env, exists: (f) => present.has(f), osRelease: () => osRelease };
}

test("CHROMIUM_PATH comes first, and a wrong one is reported, not silently replaced", () => {
  const m = machine("linux", ["/opt/my/chrome", "/usr/bin/chromium"], { CHROMIUM_PATH: "/opt/my/chrome" });
  expect(findBrowser(m)).toEqual({ name: "CHROMIUM_PATH", executablePath: "/opt/my/chrome" });
  const wrong = machine("linux", ["/usr/bin/chromium"], { CHROMIUM_PATH: "/nowhere/chrome" });
  expect(findBrowser(wrong)).toBeNull();
  expect(missingBrowserMessage(wrong)).toMatch(/CHROMIUM_PATH \(\/nowhere\/chrome\)/);
});

test("Linux: Debian's chromium before Google Chrome before Edge; Chrome and Edge by channel", () => {
  expect(findBrowser(machine("linux", ["/usr/bin/chromium", "/opt/google/chrome/chrome"]))).toEqual({
    name: "Chromium",
    executablePath: "/usr/bin/chromium",
  });
  const chrome = findBrowser(machine("linux", ["/opt/google/chrome/chrome"]))!;
  expect(chrome).toEqual({
    name: "Google Chrome",
    executablePath: "/opt/google/chrome/chrome",
    channel: "chrome",
  });
  expect(launchTarget(chrome)).toEqual({ channel: "chrome" });
  expect(findBrowser(machine("linux", ["/usr/bin/chromium-browser"]))?.executablePath).toBe(
    "/usr/bin/chromium-browser",
  );
  expect(findBrowser(machine("linux", ["/opt/microsoft/msedge/msedge"]))?.channel).toBe("msedge");
  // Outside the standard place, by path: playwright's channel would not find it there.
  const wrapper = findBrowser(machine("linux", ["/usr/bin/google-chrome"]))!;
  expect(wrapper.channel).toBeUndefined();
  expect(launchTarget(wrapper)).toEqual({ executablePath: "/usr/bin/google-chrome" });
});

test("Windows: Chrome or Edge under Program Files or the user's AppData", () => {
  const env = {
    LOCALAPPDATA: "C:\\Users\\an\\AppData\\Local",
    PROGRAMFILES: "C:\\Program Files",
    "PROGRAMFILES(X86)": "C:\\Program Files (x86)",
  };
  const edge = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
  expect(findBrowser(machine("win32", [edge], env))).toEqual({
    name: "Microsoft Edge",
    executablePath: edge,
  });
  const chrome = "C:\\Users\\an\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe";
  expect(findBrowser(machine("win32", [chrome, edge], env))).toMatchObject({
    name: "Google Chrome",
    channel: "chrome",
  });
  expect(findBrowser(machine("win32", [], env))).toBeNull();
  expect(installCommand(machine("win32", [], env))).toBe("winget install --id Google.Chrome");
});

test("macOS: the app bundles in /Applications", () => {
  const chrome = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
  expect(findBrowser(machine("darwin", [chrome]))).toEqual({
    name: "Google Chrome",
    executablePath: chrome,
    channel: "chrome",
  });
  expect(findBrowser(machine("darwin", ["/usr/bin/chromium"]))).toBeNull();
  expect(installCommand(machine("darwin", []))).toBe("brew install --cask google-chrome");
});

test("no browser: one sentence per language with this system's install command", () => {
  const debian = machine("linux", [], {}, 'PRETTY_NAME="Debian GNU/Linux 12"\nID=debian\n');
  expect(findBrowser(debian)).toBeNull();
  const lines = missingBrowserMessage(debian).split("\n");
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(
    /^Geen Chromium, Google Chrome of Microsoft Edge gevonden.*sudo apt-get install -y chromium/,
  );
  expect(lines[1]).toMatch(
    /^No Chromium, Google Chrome or Microsoft Edge found.*sudo apt-get install -y chromium/,
  );
  expect(installCommand(machine("linux", [], {}, "ID=ubuntu\nID_LIKE=debian\n"))).toBe(
    "sudo snap install chromium",
  );
  expect(installCommand(machine("linux", [], {}, 'ID="fedora"\n'))).toBe("sudo dnf install -y chromium");
  expect(installCommand(machine("linux", [], {}, ""))).toMatch(/package manager/);
});
