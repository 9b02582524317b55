/**
 * Offline manifest check. The official validator (npm run validate) posts the manifest to an online
 * service; this suite checks offline what it can: well-formed XML, schema element order, resource ids,
 * https URLs, icon files, namespace and shared runtime.
 */
import * as fs from "fs";
import * as path from "path";
import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";

const root = path.join(__dirname, "..", "..");
const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

function parse(text: string) {
  const errors: string[] = [];
  try {
    const doc = new DOMParser({
      onError: (level: string, msg: string) => {
        if (level !== "warning") errors.push(msg);
      },
    }).parseFromString(text, "text/xml");
    return { doc, errors };
  } catch (e) {
    return { doc: null, errors: [...errors, (e as Error).message] };
  }
}

const { doc, errors } = parse(xml);
const officeApp = doc!.documentElement as unknown as XmlElement;

function children(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as XmlElement);
  return out;
}
function child(el: XmlElement, name: string): XmlElement {
  const c = children(el).find((e) => e.localName === name);
  if (!c) throw new Error(`<${el.localName}> has no <${name}>`);
  return c;
}
function all(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    out.push(e);
    children(e).forEach(walk);
  };
  walk(el);
  return out;
}
function assertOrder(el: XmlElement, order: string[]): void {
  const names = children(el).map((c) => c.localName!);
  const unknown = names.filter((n) => !order.includes(n));
  expect(unknown).toEqual([]);
  const positions = names.map((n) => order.indexOf(n));
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

const versionOverrides = child(officeApp, "VersionOverrides");
const host = child(child(versionOverrides, "Hosts"), "Host");
const resources = child(versionOverrides, "Resources");
const resourceIds = new Map<string, string>();
for (const group of children(resources))
  for (const r of children(group)) resourceIds.set(r.getAttribute("id")!, r.getAttribute("DefaultValue")!);

describe("manifest.xml (offline check)", () => {
  test("is well-formed XML with a TaskPaneApp root", () => {
    expect(errors).toEqual([]);
    expect(officeApp.localName).toBe("OfficeApp");
    expect(officeApp.getAttribute("xsi:type")).toBe("TaskPaneApp");
  });

  test("the check itself catches malformed XML", () => {
    expect(parse("<OfficeApp><Id></OfficeApp>").errors.length).toBeGreaterThan(0);
  });

  test("top-level elements follow the schema order", () => {
    assertOrder(officeApp, [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "Rule",
      "DisableEntityHighlighting",
      "Dictionary",
      "VersionOverrides",
      "ExtendedOverrides",
    ]);
    assertOrder(host, ["Runtimes", "AllFormFactors", "DesktopFormFactor", "MobileFormFactor"]);
    assertOrder(child(host, "DesktopFormFactor"), ["GetStarted", "FunctionFile", "ExtensionPoint"]);
    assertOrder(resources, ["Images", "Urls", "ShortStrings", "LongStrings"]);
    assertOrder(child(child(host, "AllFormFactors"), "ExtensionPoint"), [
      "Script",
      "Page",
      "Metadata",
      "Namespace",
    ]);
  });

  test("has a GUID id, the display name and nl-NL default with en-US overrides", () => {
    expect(child(officeApp, "Id").textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    );
    expect(child(officeApp, "DefaultLocale").textContent).toBe("nl-NL");
    expect(child(officeApp, "DisplayName").getAttribute("DefaultValue")).toBe("Formatieplanner");
    for (const name of ["DisplayName", "Description"]) {
      const overrides = children(child(officeApp, name)).filter((e) => e.localName === "Override");
      expect(overrides.map((o) => o.getAttribute("Locale"))).toContain("en-US");
    }
  });

  test("every resid resolves to a resource and resource ids are unique", () => {
    const ids = children(resources).flatMap((g) => children(g).map((r) => r.getAttribute("id")));
    expect(new Set(ids).size).toBe(ids.length);
    const missing = all(officeApp)
      .map((e) => e.getAttribute("resid"))
      .filter((r): r is string => !!r && !resourceIds.has(r));
    expect(missing).toEqual([]);
  });

  test("every URL is https", () => {
    const urls: string[] = [];
    for (const e of all(officeApp)) {
      for (const attr of ["DefaultValue", "Value"]) {
        const v = e.getAttribute(attr);
        if (v && /^[a-z]+:\/\//i.test(v)) urls.push(v);
      }
      if (e.localName === "AppDomain") urls.push(e.textContent!.trim());
    }
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
  });

  test("every icon exists in assets/ at its declared size", () => {
    const iconUrls = [
      child(officeApp, "IconUrl").getAttribute("DefaultValue")!,
      child(officeApp, "HighResolutionIconUrl").getAttribute("DefaultValue")!,
      ...children(child(resources, "Images")).map((i) => i.getAttribute("DefaultValue")!),
    ];
    for (const url of iconUrls) {
      const file = path.join(root, new URL(url).pathname);
      expect(fs.existsSync(file)).toBe(true);
      const png = fs.readFileSync(file);
      const size = png.readUInt32BE(16);
      expect(url).toContain(`icon-${size}.png`);
    }
    for (const size of [16, 32, 64, 80])
      expect(fs.existsSync(path.join(root, "assets", `icon-${size}.png`))).toBe(true);
  });

  test("shared runtime: requirement, one long-lived runtime used by functions, pane and ribbon", () => {
    const sets = children(child(child(officeApp, "Requirements"), "Sets"));
    expect(
      sets.some((s) => s.getAttribute("Name") === "SharedRuntime" && s.getAttribute("MinVersion") === "1.1"),
    ).toBe(true);
    const runtimes = children(child(host, "Runtimes"));
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].getAttribute("lifetime")).toBe("long");
    const runtimeId = runtimes[0].getAttribute("resid");
    const cf = child(child(host, "AllFormFactors"), "ExtensionPoint");
    expect(child(child(cf, "Page"), "SourceLocation").getAttribute("resid")).toBe(runtimeId);
    expect(child(child(host, "DesktopFormFactor"), "FunctionFile").getAttribute("resid")).toBe(runtimeId);
    const actions = all(host).filter((e) => e.localName === "Action");
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) expect(child(a, "SourceLocation").getAttribute("resid")).toBe(runtimeId);
    expect(resourceIds.get(runtimeId!)).toMatch(/\/taskpane\.html$/);
  });

  test("custom functions namespace FP and a Home-tab button that opens the task pane", () => {
    const cf = child(child(host, "AllFormFactors"), "ExtensionPoint");
    expect(cf.getAttribute("xsi:type")).toBe("CustomFunctions");
    expect(resourceIds.get(child(cf, "Namespace").getAttribute("resid")!)).toBe("FP");
    expect(resourceIds.get(child(child(cf, "Metadata"), "SourceLocation").getAttribute("resid")!)).toMatch(
      /functions\.json$/,
    );
    const tab = all(host).find((e) => e.localName === "OfficeTab")!;
    expect(tab.getAttribute("id")).toBe("TabHome");
    const action = all(tab).find((e) => e.localName === "Action")!;
    expect(action.getAttribute("xsi:type")).toBe("ShowTaskpane");
  });

  test("strings fit the schema's length limits", () => {
    for (const s of children(child(resources, "ShortStrings")))
      expect(s.getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(125);
    for (const s of children(child(resources, "LongStrings")))
      expect(s.getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(250);
  });
});

describe("localized custom functions and office.js (Microsoft's documented rules)", () => {
  test("Dutch Excel gets functions-nl.json, every other language functions.json", () => {
    // "After you create a JSON file for each language, update your manifest with an override value for each
    // locale that specifies the URL of each JSON metadata file" (Custom functions naming and localization).
    const cf = child(child(host, "AllFormFactors"), "ExtensionPoint");
    const id = child(child(cf, "Metadata"), "SourceLocation").getAttribute("resid")!;
    const url = children(child(resources, "Urls")).find((u) => u.getAttribute("id") === id)!;
    expect(url.getAttribute("DefaultValue")).toBe("https://localhost:3000/functions.json");
    const overrides = children(url).filter((o) => o.localName === "Override");
    expect(overrides.map((o) => [o.getAttribute("Locale"), o.getAttribute("Value")])).toEqual([
      ["nl-NL", "https://localhost:3000/functions-nl.json"],
      ["nl-BE", "https://localhost:3000/functions-nl.json"],
    ]);
  });

  test("the task pane loads office.js from Microsoft's CDN, never a bundled copy", () => {
    // The @microsoft/office-js package's README: the npm copy is not supported for add-ins; reference the CDN.
    const html = fs.readFileSync(path.join(root, "src/taskpane/taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    const config = fs.readFileSync(path.join(root, "webpack.config.js"), "utf8");
    expect(config).not.toMatch(/@microsoft\/office-js/);
  });
});
