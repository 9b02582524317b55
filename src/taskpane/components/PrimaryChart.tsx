/**
 * Primary capacity kept per scenario against the cheese-slicer at the same saving: a dot plot on a
 * percentage axis (with ticks and labels) that starts where the data starts, values written beside each
 * name. Drawn for a 288 px wide pane (320 px minus padding) and scaled up when the pane is wider.
 */
import * as React from "react";
import { tokens } from "@fluentui/react-components";
import type { ScenarioComparison } from "../../model";
import type { Planner } from "../usePlanner";
import { formats } from "./text";

const WIDTH = 288;
const SCENARIO = "#154273";
const CHEESE = "#C05600";

function axisRange(rows: readonly ScenarioComparison[]): { lo: number; step: number } {
  const min = Math.min(1, ...rows.flatMap((r) => [r.primaryRetained, r.cheesePrimaryRetained]));
  const span = 1 - min;
  const step = span <= 0.04 ? 0.01 : span <= 0.1 ? 0.02 : span <= 0.25 ? 0.05 : span <= 0.5 ? 0.1 : 0.2;
  const lo = Math.max(0, Math.floor((min - step / 2) / step) * step);
  return { lo: Math.min(lo, 1 - step), step };
}

export function PrimaryChart({
  rows,
  planner,
}: {
  rows: readonly ScenarioComparison[];
  planner: Planner;
}): React.ReactElement {
  const { t, lang } = planner;
  const f = formats(lang);
  const pct = (v: number) => f.percent(v);
  const { lo, step } = axisRange(rows);
  // Room at both ends for the first and last tick's label.
  const left = 16;
  const right = WIDTH - 18;
  const x = (v: number) => left + ((Math.max(lo, Math.min(1, v)) - lo) / (1 - lo)) * (right - left);
  const rowHeight = 34;
  const top = 52;
  const plotBottom = top + rows.length * rowHeight;
  const height = plotBottom + 40;
  const ticks: number[] = [];
  for (let v = lo; v <= 1 + 1e-9; v += step) ticks.push(Math.round(v * 1000) / 1000);
  const short = (s: string) => (s.length > 24 ? `${s.slice(0, 23)}…` : s);
  const title = t("chartTitle");
  return (
    <figure style={{ margin: "12px 0" }} data-testid="primary-chart">
      <svg
        role="img"
        aria-label={`${title}: ${rows
          .map(
            (r) => `${r.name} ${pct(r.primaryRetained)}, ${t("chartCheese")} ${pct(r.cheesePrimaryRetained)}`,
          )
          .join("; ")}`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: 420, display: "block", color: tokens.colorNeutralForeground1 }}
      >
        {/* legend */}
        <circle cx={left + 5} cy={10} r={5} fill={SCENARIO} />
        <text x={left + 14} y={14} fontSize={11} fill="currentColor">
          {t("chartScenario")}
        </text>
        <path d={`M ${left + 5} 21 l 5 5 l -5 5 l -5 -5 z`} fill={CHEESE} />
        <text x={left + 14} y={30} fontSize={11} fill="currentColor">
          {t("chartCheese")}
        </text>
        {/* grid and axis */}
        {ticks.map((v) => (
          <g key={v}>
            <line
              x1={x(v)}
              x2={x(v)}
              y1={top - 6}
              y2={plotBottom}
              stroke="currentColor"
              strokeOpacity={0.15}
            />
            <line x1={x(v)} x2={x(v)} y1={plotBottom} y2={plotBottom + 4} stroke="currentColor" />
            <text x={x(v)} y={plotBottom + 16} fontSize={11} textAnchor="middle" fill="currentColor">
              {`${Math.round(v * 100)}%`}
            </text>
          </g>
        ))}
        <line x1={left} x2={right} y1={plotBottom} y2={plotBottom} stroke="currentColor" />
        <text
          x={(left + right) / 2}
          y={plotBottom + 32}
          fontSize={11}
          textAnchor="middle"
          fill="currentColor"
        >
          {t("chartAxis")}
        </text>
        {rows.map((r, i) => {
          const y = top + i * rowHeight;
          return (
            <g key={r.name}>
              <text x={left - 8} y={y + 4} fontSize={11} fill="currentColor">
                {short(r.name)}
              </text>
              <text x={right + 12} y={y + 4} fontSize={11} textAnchor="end" fill="currentColor">
                {`${pct(r.primaryRetained)} / ${pct(r.cheesePrimaryRetained)}`}
              </text>
              <line x1={left} x2={right} y1={y + 16} y2={y + 16} stroke="currentColor" strokeOpacity={0.3} />
              <path d={`M ${x(r.cheesePrimaryRetained)} ${y + 10} l 6 6 l -6 6 l -6 -6 z`} fill={CHEESE} />
              <circle cx={x(r.primaryRetained)} cy={y + 16} r={5} fill={SCENARIO} />
            </g>
          );
        })}
      </svg>
      <figcaption style={{ fontSize: tokens.fontSizeBase200 }}>{title}</figcaption>
    </figure>
  );
}
