// The server-drawn bar chart: an image with a title and description, one bar per value, and text escaped.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { barChartSvg } from './bar-chart.ts';

describe('bar chart', () => {
  const svg = barChartSvg({
    id: 'c',
    title: 'Open <now> & overdue',
    description: 'Two services',
    categories: ['Highways', 'Parks & "Gardens"'],
    series: [
      { name: 'Open', colour: '#1d70b8', values: [6, 2] },
      { name: 'Overdue', colour: '#d4351c', values: [3, null] },
    ],
  });

  it('is an image named by its title and described', () => {
    assert.match(svg, /^<svg [^>]*role="img" aria-labelledby="c-title c-desc"/);
    assert.match(svg, /<title id="c-title">Open &lt;now&gt; &amp; overdue<\/title><desc id="c-desc">Two services<\/desc>/);
  });

  it('draws a bar for each value above nothing, to scale', () => {
    const bars = [...svg.matchAll(/<rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)" fill="(#[0-9a-f]+)"\/>/g)];
    assert.equal(bars.length, 3 + 2, 'three bars and two legend keys');
    const heights = bars.slice(0, 3).map((b) => Number(b[2]));
    assert.ok(Math.abs(heights[0]! - 2 * heights[1]!) < 0.2, 'six is twice three');
    assert.ok(Math.abs(heights[0]! - 3 * heights[2]!) < 0.2, 'and three times two');
  });

  it('escapes the labels', () => assert.match(svg, />Parks &amp; &quot;Gardens&quot;<\/text>/));
});
