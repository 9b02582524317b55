// Writes the help pages of the FP.* functions (Dutch and English, a worked example each) to assets/help/.
// The pages are committed; rerun after changing a function: node scripts/make-help.js
// Names and signatures come from the JSDoc in src/functions/functions.ts and src/functions/functions-nl.json.
"use strict";
const fs = require("fs");
const path = require("path");

const functions = [
  {
    id: "OVERHEAD",
    page: "overhead",
    nl: "Overheadratio: overhead-FTE (bedrijfsvoering en lijnmanagement) gedeeld door het totaal aantal FTE.",
    en: "Overhead ratio: overhead FTE (operations and line management) divided by total FTE.",
    example: "={FN}(1000; 2000)",
    result: "0,50 (50%)",
    errorsNl:
      "#DEEL/0! als totalFte 0 is; #WAARDE! bij tekst, negatieve getallen of overhead groter dan totaal.",
    errorsEn: "#DIV/0! when totalFte is 0; #VALUE! for text, negative numbers or overhead above the total.",
  },
  {
    id: "OVERHEADSHARE",
    page: "overheadshare",
    nl: "Overheadratio rechtstreeks uit de kolommen Functiegroep en FTE van de formatietabel. Geef de tabelkolommen door (gestructureerde verwijzingen), nooit hele kolommen zoals B:B: die zijn een miljoen cellen en vallen boven de 5 MB die Excel aan een functie doorgeeft. Lege rijen tellen niet mee; een meegegeven kopregel (Formatie[[#Alles];[FTE]]) wordt overgeslagen.",
    en: "Overhead ratio straight from the formation table's Functiegroep and FTE columns. Pass the table's columns (structured references), never whole columns such as B:B: those are a million cells, over the 5 MB Excel passes to a function. Empty rows are ignored; a header row passed along (Formatie[[#All],[FTE]]) is skipped.",
    example: "={FN}(Formatie[Functiegroep]; Formatie[FTE])",
    result:
      "met 60 FTE Primair, 30 Bedrijfsvoering en 10 Lijnmanagement: 0,40 / with 60 Primary, 30 Operations and 10 Management FTE: 0.40",
    errorsNl:
      "#WAARDE! bij een onbekende functiegroep (de rij wordt genoemd) of bereiken van verschillende grootte; #DEEL/0! als er geen FTE zijn.",
    errorsEn:
      "#VALUE! for an unknown function group (the row is named) or ranges of different sizes; #DIV/0! when there are no FTE.",
  },
  {
    id: "OVERHEADGAP",
    page: "overheadgap",
    nl: "Aantal overhead-FTE dat weg moet om de norm te halen als alleen overhead krimpt: (O - norm x T) / (1 - norm). 0 als de norm al gehaald is. Standaardnorm 0,35.",
    en: "Overhead FTE to remove to reach the norm when only overhead shrinks: (O - norm x T) / (1 - norm). 0 when already there. Default norm 0.35.",
    example: "={FN}(1000; 2000; 0,35)",
    result: "461,5 (1000 - 461,5 = 538,5 van 1538,5 = 35%)",
    errorsNl: "#WAARDE! als de norm niet tussen 0 en 1 ligt.",
    errorsEn: "#VALUE! when the norm is not between 0 and 1.",
  },
  {
    id: "ROEMER",
    page: "roemer",
    nl: "Het Roemer-aandeel zoals het Rijk het rekent: inhuur / (uitgaven eigen personeel + inhuur). De noemer bevat de inhuur zelf.",
    en: "The Roemer share as the central government computes it: hire / (own personnel spending + hire). The denominator includes the hire itself.",
    example: "={FN}(319445; 1726181)",
    result: "0,1562 (15,62%: Justitie 2008, Kamerstuk 32 123 VI nr. 86)",
    errorsNl: "#DEEL/0! als beide bedragen 0 zijn; #WAARDE! bij tekst of negatieve bedragen.",
    errorsEn: "#DIV/0! when both amounts are 0; #VALUE! for text or negative amounts.",
  },
  {
    id: "ROEMERGAP",
    page: "roemergap",
    nl: "Euro's inhuur boven de Roemernorm (standaard 10%). Bij de norm n is de toegestane inhuur n/(1-n) x eigen personeel. 0 als de norm al gehaald is.",
    en: "Euros of hire above the Roemernorm (default 10%). At norm n, allowed hire is n/(1-n) x own personnel spending. 0 when already there.",
    example: "={FN}(319445; 1726181)",
    result: "127.647 (toegestaan 191.798 / allowed 191,798)",
    errorsNl: "#WAARDE! als de norm niet tussen 0 en 1 ligt.",
    errorsEn: "#VALUE! when the norm is not between 0 and 1.",
  },
  {
    id: "WORKPLACES",
    page: "workplaces",
    nl: "Benodigde werkplekken: FTE x werkplekfactor (standaard 0,7 werkplek per FTE, de rijksnorm).",
    en: "Workplaces needed: FTE x workplace factor (default 0.7 workplaces per FTE, the government norm).",
    example: "={FN}(2000)",
    result: "1400",
    errorsNl: "#WAARDE! bij tekst of negatieve getallen.",
    errorsEn: "#VALUE! for text or negative numbers.",
  },
  {
    id: "OFFICEM2",
    page: "officem2",
    nl: "Benodigde kantoor-m2: FTE x werkplekfactor x m2 per werkplek. De m2 per werkplek is altijd uw eigen invoer.",
    en: "Office m2 needed: FTE x workplace factor x m2 per workplace. The m2 per workplace is always your own input.",
    example: "={FN}(2000; 20)",
    result: "28000",
    errorsNl: "#WAARDE! bij tekst of negatieve getallen.",
    errorsEn: "#VALUE! for text or negative numbers.",
  },
  {
    id: "INDEXED",
    page: "indexed",
    nl: "Geïndexeerd bedrag: bedrag x (1 + index)^jaren, zoals de planner loon- en prijsbijstelling rekent.",
    en: "Indexed amount: amount x (1 + rate)^years, the way the planner applies wage and price indexation.",
    example: "={FN}(100000; 0,03; 4)",
    result: "112.550,88",
    errorsNl: "#WAARDE! bij tekst, een negatief bedrag of een index buiten -99% tot 100%.",
    errorsEn: "#VALUE! for text, a negative amount or a rate outside -99% to 100%.",
  },
  {
    id: "ATTRITION",
    page: "attrition",
    nl: "Vult een rij met de FTE die na 1, 2, ... jaar over zijn bij natuurlijk verloop zonder vervanging.",
    en: "Spills a row with the FTE left after 1, 2, ... years of natural attrition without replacement.",
    example: "={FN}(100; 0,06; 3)",
    result: "94 | 88,36 | 83,06",
    errorsNl:
      "#WAARDE! als jaren geen geheel getal van 1 of meer is, of het verloop niet tussen 0 en 1 ligt.",
    errorsEn: "#VALUE! when years is not a whole number of 1 or more, or the rate is not between 0 and 1.",
  },
  {
    id: "FORCEDEXITS",
    page: "forcedexits",
    nl: "FTE die natuurlijk verloop niet op tijd kan laten vertrekken: max(0, (nu - doel) - nu x (1 - (1 - verloop)^jaren)). Dit is gedwongen uitstroom, met eenmalige afvloeiingskosten.",
    en: "FTE that natural attrition cannot remove in time: max(0, (now - target) - now x (1 - (1 - rate)^years)). These are forced exits, with one-off severance costs.",
    example: "={FN}(100; 80; 0,06; 2)",
    result: "8,36",
    errorsNl: "#WAARDE! bij tekst, negatieve getallen of een verloop buiten 0-1.",
    errorsEn: "#VALUE! for text, negative numbers or a rate outside 0-1.",
  },
  {
    id: "CHEESESLICE",
    page: "cheeseslice",
    nl: "De kaasschaaf: vult hetzelfde bereik met elke waarde met dezelfde fractie verlaagd, zodat het totaal met de besparing daalt. Lege cellen blijven leeg.",
    en: "The cheese-slicer: spills the same range with every value cut by the same fraction, so that the total falls by the saving. Empty cells stay empty.",
    example: "={FN}(B2:B4; 30) met/with B2:B4 = 100, 200, 300",
    result: "95 | 190 | 285",
    errorsNl:
      "#WAARDE! als de besparing groter is dan het totaal of een waarde negatief is; #DEEL/0! als het totaal 0 is.",
    errorsEn:
      "#VALUE! when the saving exceeds the total or a value is negative; #DIV/0! when the total is 0.",
  },
  {
    id: "SCENARIO",
    page: "scenario",
    nl: "Rekent een scenario door uit de tabellen van de werkmap, met dezelfde controles en dezelfde rekenkern als het taakvenster en de opdrachtregel (formatieplanner run --json). Geef de tabellen met hun kopregel door (Formatie[#Alles]), zodat Excel weet waarvan de cel afhangt en opnieuw rekent zodra een rij verandert. Zonder maatstaf en jaar vult de functie het verloop: een kopregel (Jaar, FTE, FTE primair, ..., Primair behouden) en een rij per jaar. Met een maatstaf één kolom (een rij per jaar), met een jaar één rij, met beide één getal. De naam mag Basis zijn; een maatstaf is een kop uit het rapport (Structurele besparing) of een veld van run --json (structuralSavings). Alle cellen met dezelfde tabellen delen één berekening.",
    en: "Runs a scenario from the workbook's tables, with the same checks and the same engine as the task pane and the command line (formatieplanner run --json). Pass the tables with their header row (Formatie[#All]) so that Excel knows what the cell depends on and recalculates when a row changes. Without measure and year it spills the trajectory: a header row (Jaar, FTE, FTE primair, ..., Primair behouden) and a row per year. With a measure one column (a row per year), with a year one row, with both one number. The name may be Basis; a measure is a report header (Structurele besparing, Structural savings) or a run --json field (structuralSavings). Every cell with the same tables shares one run.",
    example:
      '={FN}(Formatie[#Alles]; Parameters[#Alles]; Scenarios[#Alles]; "Optimaal"; "Structurele besparing"; 2030; Inhuur[#Alles]; Huisvesting[#Alles]; Prijzen[#Alles]; Taakstelling[#Alles])',
    result:
      '20.000.000 in de voorbeeldwerkmap (samples/voorbeeld-ministerie.xlsx), gelijk aan run --json; met "Overhead naar 35%" en "Overhead %" in 2030: 0,35 / 20,000,000 on the sample workbook, equal to run --json; with "Overhead naar 35%" and "Overhead %" in 2030: 0.35',
    errorsNl:
      "#WAARDE! bij een invoerfout, met tabel, rij en kolom zoals Controle in het taakvenster; bij een onbekend scenario, maatstaf of jaar (de bestaande worden genoemd); en als de tabellen samen meer dan 5 MB zijn. Die grens legt Excel op (Excel op het web weigert meer): een formatietabel tot ongeveer 70.000 rijen past (Excel rekent ruwweg 65 bytes per rij); reken grotere tabellen door met het taakvenster en het rapport.",
    errorsEn:
      "#VALUE! for an input error, naming table, row and column as Controle in the task pane does; for an unknown scenario, measure or year (the existing ones are listed); and when the tables together exceed 5 MB. Excel sets that limit (Excel on the web refuses more): a formation table up to about 70,000 rows fits (Excel counts roughly 65 bytes a row); run larger tables with the task pane and the report.",
  },
  {
    id: "COMPARE",
    page: "compare",
    nl: "Vergelijkt alle scenario's in het eindjaar, zoals de tabel van de opdrachtregel en het blad Vergelijking: structurele besparing, taakstelling en of die gehaald is, FTE, overhead en Roemer tegen hun norm, m2, het aandeel primair proces dat behouden blijft naast wat de kaasschaaf bij dezelfde besparing zou behouden, en de gedwongen uitstroom over de hele periode. Een kopregel en een rij per scenario, de Basis eerst.",
    en: "Compares every scenario in the end year, like the command line's table and the Vergelijking sheet: structural saving, target and whether it is met, FTE, overhead and Roemer against their norms, m2, the share of the primary process kept next to what the cheese-slicer would keep at the same saving, and the forced exits over the whole period. A header row and a row per scenario, Basis first.",
    example:
      "={FN}(Formatie[#Alles]; Parameters[#Alles]; Scenarios[#Alles]; Inhuur[#Alles]; Huisvesting[#Alles]; Prijzen[#Alles]; Taakstelling[#Alles])",
    result:
      "in de voorbeeldwerkmap 9 rijen; de rij Overhead naar 35%: 38.903.518 | 20.000.000 | ja | 1.578,6 | 0,35 | ja | ... | Primair behouden 1,00 | kaasschaaf 0,842 / on the sample 9 rows; the row Overhead naar 35%: 38,903,518 | 20,000,000 | ja | 1,578.6 | 0.35 | ja | ... | primary kept 1.00 | cheese-slicer 0.842",
    errorsNl: "Zoals FP.SCENARIO: #WAARDE! bij een invoerfout (tabel, rij, kolom) of tabellen boven 5 MB.",
    errorsEn: "As FP.SCENARIO: #VALUE! for an input error (table, row, column) or tables over 5 MB.",
  },
];

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const style = `body{font-family:"Segoe UI",system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
code,pre{font-family:Consolas,monospace;background:#f3f2f1;padding:0 .2em}pre{padding:.6em}h1{color:#154273}section{margin-bottom:2rem}`;

const nl = require("../src/functions/functions-nl.json");

/** The English and Dutch name and signature, from the same metadata Excel gets. */
function names(f) {
  const dutch = nl.functions[f.id];
  const source = require("fs").readFileSync(
    path.join(__dirname, "..", "src", "functions", "functions.ts"),
    "utf8",
  );
  const block = source.split(`@customfunction ${f.id}\n`)[1].split("*/")[0];
  const params = [...block.matchAll(/@param (\[?)(\w+)\]?/g)].map((m) => ({
    name: m[2],
    optional: m[1] === "[",
  }));
  const signature = (name, sep, rename) =>
    `FP.${name}(${params.map((p) => (p.optional ? `[${rename(p.name)}]` : rename(p.name))).join(sep)})`;
  return {
    en: f.id,
    nl: dutch.name,
    syntaxEn: signature(f.id, ", ", (p) => p),
    syntaxNl: signature(dutch.name, "; ", (p) => nl.parameterNames[p]),
  };
}

const englishFormula = (text) =>
  text
    .replace(/; /g, ", ")
    .replace(/(\d),(\d)/g, "$1.$2")
    .replace(/\[#Alles\]/g, "[#All]");

const COMMON_NL =
  "Excel toont alleen bij #WAARDE! en #N/B een toelichting (kies de cel en het foutsymbool); bij #DEEL/0! staat de reden hierboven. Een cel met een gegevenstype (bijvoorbeeld een aandeel of een eigen kaart) geeft #WAARDE!: verwijs naar een veld ervan, zoals =A2.FTE. Bereiken samen groter dan 5 MB geven #WAARDE!: gebruik tabelverwijzingen zoals Formatie[FTE], nooit hele kolommen.";
const COMMON_EN =
  "Excel shows an explanation only with #VALUE! and #N/A (select the cell and its error flag); for #DIV/0! the reason is above. A cell holding a data type (a stock, a card of your own) gives #VALUE!: refer to one of its fields, such as =A2.FTE. Ranges over 5 MB together give #VALUE!: use table references such as Formatie[FTE], never whole columns.";

function page(f) {
  const n = names(f);
  const exampleNl = f.example.replace("{FN}", `FP.${n.nl}`);
  const exampleEn = englishFormula(f.example.replace("{FN}", `FP.${n.en}`));
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>FP.${n.nl} / FP.${n.en} - Formatieplanner</title><style>${style}</style></head>
<body>
<h1>FP.${n.nl} / FP.${n.en}</h1>
<section lang="nl"><h2>Nederlands</h2><pre>${esc(n.syntaxNl)}</pre><p>${esc(f.nl)}</p>
<h3>Voorbeeld</h3><pre>${esc(exampleNl)}</pre><p>Uitkomst: ${esc(f.result)}</p>
<h3>Foutmeldingen</h3><p>${esc(f.errorsNl)}</p><p>${esc(COMMON_NL)}</p></section>
<section lang="en"><h2>English</h2><pre>${esc(n.syntaxEn)}</pre><p>${esc(f.en)}</p>
<h3>Example</h3><pre>${esc(exampleEn)}</pre><p>Result: ${esc(f.result)}</p>
<h3>Errors</h3><p>${esc(f.errorsEn)}</p><p>${esc(COMMON_EN)}</p></section>
<p><a href="functions.html">Alle functies / All functions</a></p>
</body></html>
`;
}

const dir = path.join(__dirname, "..", "assets", "help");
fs.mkdirSync(dir, { recursive: true });
for (const f of functions) fs.writeFileSync(path.join(dir, `${f.page}.html`), page(f));
const list = functions
  .map((f) => `<li><a href="${f.page}.html">FP.${names(f).nl} / FP.${f.id}</a>: ${esc(f.nl)}</li>`)
  .join("\n");
fs.writeFileSync(
  path.join(dir, "functions.html"),
  `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Formatieplanner: functies / functions</title><style>${style}</style></head>
<body><h1>Formatieplanner: functies / functions</h1>
<p>Alle functies staan in de naamruimte <code>FP</code>. In een Nederlandse Excel scheidt u argumenten met een puntkomma. /
All functions live in the <code>FP</code> namespace; English Excel separates arguments with a comma.</p>
<p>Nederlandse Excel toont de Nederlandse namen (FP.ROEMERAANDEEL), elke andere taal de Engelse (FP.ROEMER); een werkmap werkt in beide. /
Dutch Excel shows the Dutch names, every other language the English ones; a workbook works in both.</p>
<ul>
${list}
</ul></body></html>
`,
);
console.log(`${functions.length} help pages written`);
