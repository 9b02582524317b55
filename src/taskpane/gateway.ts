/** The workbook port now lives in src/model/ports.ts (below the pane and the workbook layers). */
export * from "../model/ports";
