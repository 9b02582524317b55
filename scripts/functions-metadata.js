// The custom functions' metadata for each language, used by webpack.config.js and the metadata test.
// functions.json (English, for every Excel language but Dutch) is generated from the JSDoc in
// src/functions/functions.ts; functions-nl.json takes the Dutch names, descriptions and parameter names from
// src/functions/functions-nl.json. "To localize your custom functions, create a new JSON metadata file for
// each language ... The id of each function isn't localized" (learn.microsoft.com, Custom functions naming
// and localization); the manifest points Dutch locales at functions-nl.json with <bt:Override>.
"use strict";

const DEV_ORIGIN = "https://localhost:3000";

/** Dutch metadata from the generated English metadata: ids, types and help URLs unchanged. */
function dutchMetadata(english, nl) {
  const functions = english.functions.map((f) => {
    const entry = nl.functions[f.id];
    if (!entry) throw new Error(`functions-nl.json: geen Nederlandse naam voor / no Dutch name for ${f.id}`);
    return {
      ...f,
      name: entry.name,
      description: entry.description,
      parameters: (f.parameters || []).map((p) => {
        const description = entry.parameters[p.name];
        const name = nl.parameterNames[p.name];
        if (!description || !name)
          throw new Error(`functions-nl.json: parameter ${p.name} van / of ${f.id} ontbreekt / is missing`);
        return { ...p, name, description };
      }),
    };
  });
  return { ...english, functions };
}

/** Every development URL (help pages) pointed at the production host. */
function withOrigin(json, origin) {
  return json.split(DEV_ORIGIN).join(origin.replace(/\/$/, ""));
}

module.exports = { dutchMetadata, withOrigin, DEV_ORIGIN };
