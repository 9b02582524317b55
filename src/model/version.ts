/** The add-in's version, written in every report's provenance block; a test keeps it equal to package.json. */
export const VERSION = "0.1.0";
