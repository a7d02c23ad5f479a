// Bar charts drawn on the server as SVG: no script, so they work without JavaScript and under the strict CSP.
// Each is an image with a title and a description for assistive technology; the page puts a table with the
// same figures beside it, so nothing is shown only as a picture.

import { escapeHtml } from './html-text.ts';

export type BarSeries = { name: string; colour: string; values: (number | null)[] };

export type BarChart = {
  id: string;
  title: string;
  description: string;
  categories: string[];
  series: BarSeries[];
};


/** A round number at or above the largest value, so that the scale reads 0, ¼, ½, ¾ and the top. */
function scaleTop(max: number): number {
  if (max <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude * 4 >= max)! * magnitude;
  return step * 4;
}

export function barChartSvg(chart: BarChart): string {
  const width = 640;
  const height = 320;
  const left = 48;
  const right = 12;
  const top = 40;
  const bottom = 56;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const max = scaleTop(Math.max(0, ...chart.series.flatMap((s) => s.values.map((v) => v ?? 0))));
  const slot = plotWidth / Math.max(1, chart.categories.length);
  const barWidth = Math.max(2, (slot * 0.8) / Math.max(1, chart.series.length));
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const value = (max / 4) * i;
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${y(value)}" y2="${y(value)}" stroke="#b1b4b6" stroke-width="1"/>`);
    parts.push(`<text x="${left - 6}" y="${y(value) + 4}" text-anchor="end" font-size="12" fill="#0b0c0c">${Number.isInteger(value) ? value : value.toFixed(1)}</text>`);
  }
  chart.categories.forEach((category, c) => {
    const x0 = left + slot * c + slot * 0.1;
    chart.series.forEach((series, s) => {
      const value = series.values[c];
      if (value === null || value === undefined || value <= 0) return;
      parts.push(`<rect x="${(x0 + s * barWidth).toFixed(1)}" y="${y(value).toFixed(1)}" width="${(barWidth - 1).toFixed(1)}" height="${(top + plotHeight - y(value)).toFixed(1)}" fill="${series.colour}"/>`);
    });
    // A label longer than its slot is shortened; the table beside the chart has it in full.
    const fits = Math.max(4, Math.floor(slot / 7));
    const label = category.length > fits ? `${category.slice(0, fits - 1)}…` : category;
    parts.push(`<text x="${(left + slot * c + slot / 2).toFixed(1)}" y="${top + plotHeight + 18}" text-anchor="middle" font-size="${chart.categories.length > 8 ? 10 : 12}" fill="#0b0c0c">${escapeHtml(label)}</text>`);
  });
  let legendX = left;
  for (const series of chart.series) {
    parts.push(`<rect x="${legendX}" y="12" width="14" height="14" fill="${series.colour}"/>`);
    parts.push(`<text x="${legendX + 20}" y="24" font-size="13" fill="#0b0c0c">${escapeHtml(series.name)}</text>`);
    legendX += 30 + series.name.length * 7.5;
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="nolan-chart" viewBox="0 0 ${width} ${height}" font-family="GDS Transport, arial, sans-serif" role="img" aria-labelledby="${chart.id}-title ${chart.id}-desc" focusable="false">`,
    `<title id="${chart.id}-title">${escapeHtml(chart.title)}</title>`,
    `<desc id="${chart.id}-desc">${escapeHtml(chart.description)}</desc>`,
    ...parts,
    '</svg>',
  ].join('');
}
