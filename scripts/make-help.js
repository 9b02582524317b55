// Writes the help pages of the FP.* functions (Dutch and English, a worked example each) to assets/help/.
// The pages are committed; rerun after changing a function: node scripts/make-help.js
"use strict";
const fs = require("fs");
const path = require("path");

const functions = [
  {
    id: "OVERHEAD",
    page: "overhead",
    syntax: "FP.OVERHEAD(overheadFte; totalFte)",
    nl: "Overheadratio: overhead-FTE (bedrijfsvoering en lijnmanagement) gedeeld door het totaal aantal FTE.",
    en: "Overhead ratio: overhead FTE (operations and line management) divided by total FTE.",
    example: "=FP.OVERHEAD(1000; 2000)",
    result: "0,50 (50%)",
    errorsNl:
      "#DEEL/0! als totalFte 0 is; #WAARDE! bij tekst, negatieve getallen of overhead groter dan totaal.",
    errorsEn: "#DIV/0! when totalFte is 0; #VALUE! for text, negative numbers or overhead above the total.",
  },
  {
    id: "OVERHEADSHARE",
    page: "overheadshare",
    syntax: "FP.OVERHEADSHARE(groups; fte)",
    nl: "Overheadratio rechtstreeks uit de kolommen Functiegroep en FTE van de formatietabel. Lege rijen tellen niet mee; een koptekst bovenaan een hele kolom wordt overgeslagen.",
    en: "Overhead ratio straight from the formation table's Functiegroep and FTE columns. Empty rows are ignored; a header at the top of a whole column is skipped.",
    example: "=FP.OVERHEADSHARE(Formatie[Functiegroep]; Formatie[FTE])",
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
    syntax: "FP.OVERHEADGAP(overheadFte; totalFte; [norm])",
    nl: "Aantal overhead-FTE dat weg moet om de norm te halen als alleen overhead krimpt: (O - norm x T) / (1 - norm). 0 als de norm al gehaald is. Standaardnorm 0,35.",
    en: "Overhead FTE to remove to reach the norm when only overhead shrinks: (O - norm x T) / (1 - norm). 0 when already there. Default norm 0.35.",
    example: "=FP.OVERHEADGAP(1000; 2000; 0,35)",
    result: "461,5 (1000 - 461,5 = 538,5 van 1538,5 = 35%)",
    errorsNl: "#WAARDE! als de norm niet tussen 0 en 1 ligt.",
    errorsEn: "#VALUE! when the norm is not between 0 and 1.",
  },
  {
    id: "ROEMER",
    page: "roemer",
    syntax: "FP.ROEMER(externalSpend; ownPersonnelSpend)",
    nl: "Het Roemer-aandeel zoals het Rijk het rekent: inhuur / (uitgaven eigen personeel + inhuur). De noemer bevat de inhuur zelf.",
    en: "The Roemer share as the central government computes it: hire / (own personnel spending + hire). The denominator includes the hire itself.",
    example: "=FP.ROEMER(319445; 1726181)",
    result: "0,1562 (15,62%: Justitie 2008, Kamerstuk 32 123 VI nr. 86)",
    errorsNl: "#DEEL/0! als beide bedragen 0 zijn; #WAARDE! bij tekst of negatieve bedragen.",
    errorsEn: "#DIV/0! when both amounts are 0; #VALUE! for text or negative amounts.",
  },
  {
    id: "ROEMERGAP",
    page: "roemergap",
    syntax: "FP.ROEMERGAP(externalSpend; ownPersonnelSpend; [norm])",
    nl: "Euro's inhuur boven de Roemernorm (standaard 10%). Bij de norm n is de toegestane inhuur n/(1-n) x eigen personeel. 0 als de norm al gehaald is.",
    en: "Euros of hire above the Roemernorm (default 10%). At norm n, allowed hire is n/(1-n) x own personnel spending. 0 when already there.",
    example: "=FP.ROEMERGAP(319445; 1726181)",
    result: "127.647 (toegestaan 191.798 / allowed 191,798)",
    errorsNl: "#WAARDE! als de norm niet tussen 0 en 1 ligt.",
    errorsEn: "#VALUE! when the norm is not between 0 and 1.",
  },
  {
    id: "WORKPLACES",
    page: "workplaces",
    syntax: "FP.WORKPLACES(fte; [factor])",
    nl: "Benodigde werkplekken: FTE x werkplekfactor (standaard 0,7 werkplek per FTE, de rijksnorm).",
    en: "Workplaces needed: FTE x workplace factor (default 0.7 workplaces per FTE, the government norm).",
    example: "=FP.WORKPLACES(2000)",
    result: "1400",
    errorsNl: "#WAARDE! bij tekst of negatieve getallen.",
    errorsEn: "#VALUE! for text or negative numbers.",
  },
  {
    id: "M2",
    page: "m2",
    syntax: "FP.M2(fte; m2PerWorkplace; [factor])",
    nl: "Benodigde kantoor-m2: FTE x werkplekfactor x m2 per werkplek. De m2 per werkplek is altijd uw eigen invoer.",
    en: "Office m2 needed: FTE x workplace factor x m2 per workplace. The m2 per workplace is always your own input.",
    example: "=FP.M2(2000; 20)",
    result: "28000",
    errorsNl: "#WAARDE! bij tekst of negatieve getallen.",
    errorsEn: "#VALUE! for text or negative numbers.",
  },
  {
    id: "INDEX",
    page: "index",
    syntax: "FP.INDEX(amount; rate; years)",
    nl: "Geïndexeerd bedrag: bedrag x (1 + index)^jaren, zoals de planner loon- en prijsbijstelling rekent.",
    en: "Indexed amount: amount x (1 + rate)^years, the way the planner applies wage and price indexation.",
    example: "=FP.INDEX(100000; 0,03; 4)",
    result: "112.550,88",
    errorsNl: "#WAARDE! bij tekst, een negatief bedrag of een index buiten -99% tot 100%.",
    errorsEn: "#VALUE! for text, a negative amount or a rate outside -99% to 100%.",
  },
  {
    id: "ATTRITION",
    page: "attrition",
    syntax: "FP.ATTRITION(fte; rate; years)",
    nl: "Vult een rij met de FTE die na 1, 2, ... jaar over zijn bij natuurlijk verloop zonder vervanging.",
    en: "Spills a row with the FTE left after 1, 2, ... years of natural attrition without replacement.",
    example: "=FP.ATTRITION(100; 0,06; 3)",
    result: "94 | 88,36 | 83,06",
    errorsNl:
      "#WAARDE! als jaren geen geheel getal van 1 of meer is, of het verloop niet tussen 0 en 1 ligt.",
    errorsEn: "#VALUE! when years is not a whole number of 1 or more, or the rate is not between 0 and 1.",
  },
  {
    id: "FORCEDEXITS",
    page: "forcedexits",
    syntax: "FP.FORCEDEXITS(fteNow; fteTarget; rate; years)",
    nl: "FTE die natuurlijk verloop niet op tijd kan laten vertrekken: max(0, (nu - doel) - nu x (1 - (1 - verloop)^jaren)). Dit is gedwongen uitstroom, met eenmalige afvloeiingskosten.",
    en: "FTE that natural attrition cannot remove in time: max(0, (now - target) - now x (1 - (1 - rate)^years)). These are forced exits, with one-off severance costs.",
    example: "=FP.FORCEDEXITS(100; 80; 0,06; 2)",
    result: "8,36",
    errorsNl: "#WAARDE! bij tekst, negatieve getallen of een verloop buiten 0-1.",
    errorsEn: "#VALUE! for text, negative numbers or a rate outside 0-1.",
  },
  {
    id: "CHEESESLICE",
    page: "cheeseslice",
    syntax: "FP.CHEESESLICE(values; saving)",
    nl: "De kaasschaaf: vult hetzelfde bereik met elke waarde met dezelfde fractie verlaagd, zodat het totaal met de besparing daalt. Lege cellen blijven leeg.",
    en: "The cheese-slicer: spills the same range with every value cut by the same fraction, so that the total falls by the saving. Empty cells stay empty.",
    example: "=FP.CHEESESLICE(B2:B4; 30) met/with B2:B4 = 100, 200, 300",
    result: "95 | 190 | 285",
    errorsNl:
      "#WAARDE! als de besparing groter is dan het totaal of een waarde negatief is; #DEEL/0! als het totaal 0 is.",
    errorsEn:
      "#VALUE! when the saving exceeds the total or a value is negative; #DIV/0! when the total is 0.",
  },
];

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const style = `body{font-family:"Segoe UI",system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
code,pre{font-family:Consolas,monospace;background:#f3f2f1;padding:0 .2em}pre{padding:.6em}h1{color:#154273}section{margin-bottom:2rem}`;

function page(f) {
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>FP.${f.id} - Formatieplanner</title><style>${style}</style></head>
<body>
<h1>FP.${f.id}</h1>
<pre>${esc(f.syntax)}</pre>
<section lang="nl"><h2>Nederlands</h2><p>${esc(f.nl)}</p>
<h3>Voorbeeld</h3><pre>${esc(f.example)}</pre><p>Uitkomst: ${esc(f.result)}</p>
<h3>Foutmeldingen</h3><p>${esc(f.errorsNl)}</p></section>
<section lang="en"><h2>English</h2><p>${esc(f.en)}</p>
<h3>Example</h3><pre>${esc(f.example.replace(/; /g, ", ").replace(/(\d),(\d)/g, "$1.$2"))}</pre><p>Result: ${esc(f.result)}</p>
<h3>Errors</h3><p>${esc(f.errorsEn)}</p></section>
<p><a href="functions.html">Alle functies / All functions</a></p>
</body></html>
`;
}

const dir = path.join(__dirname, "..", "assets", "help");
fs.mkdirSync(dir, { recursive: true });
for (const f of functions) fs.writeFileSync(path.join(dir, `${f.page}.html`), page(f));
const list = functions
  .map((f) => `<li><a href="${f.page}.html">FP.${f.id}</a>: ${esc(f.nl)}</li>`)
  .join("\n");
fs.writeFileSync(
  path.join(dir, "functions.html"),
  `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Formatieplanner: functies / functions</title><style>${style}</style></head>
<body><h1>Formatieplanner: functies / functions</h1>
<p>Alle functies staan in de naamruimte <code>FP</code>. In een Nederlandse Excel scheidt u argumenten met een puntkomma. /
All functions live in the <code>FP</code> namespace; English Excel separates arguments with a comma.</p>
<ul>
${list}
</ul></body></html>
`,
);
console.log(`${functions.length} help pages written`);
