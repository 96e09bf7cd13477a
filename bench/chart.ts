// A dependency-free SVG line chart: plan time (median, min-max whiskers) against object count.

export interface ChartPoint {
  x: number;
  y: number;
  min?: number;
  max?: number;
  label?: string;
}

export interface ChartSeries {
  name: string;
  color: string;
  dashed?: boolean;
  points: ChartPoint[];
}

export interface ChartOptions {
  title: string;
  subtitle?: string;
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
}

function niceStep(range: number, ticks: number): number {
  const raw = range / Math.max(1, ticks);
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * mag >= raw) return m * mag;
  return 10 * mag;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function fmt(n: number): string {
  if (n >= 1000) return `${Math.round(n / 100) / 10}k`.replace('.0k', 'k');
  return String(Math.round(n * 100) / 100);
}

export function lineChartSvg(series: ChartSeries[], o: ChartOptions): string {
  const W = o.width ?? 760;
  const H = o.height ?? 460;
  const m = { left: 70, right: 190, top: o.subtitle ? 62 : 46, bottom: 56 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const all = series.flatMap((s) => s.points);
  const xMaxRaw = Math.max(1, ...all.map((p) => p.x));
  const yMaxRaw = Math.max(0.001, ...all.map((p) => p.max ?? p.y));
  const xStep = niceStep(xMaxRaw, 6);
  const yStep = niceStep(yMaxRaw, 6);
  const xMax = Math.ceil(xMaxRaw / xStep) * xStep;
  const yMax = Math.ceil((yMaxRaw * 1.05) / yStep) * yStep;
  const X = (x: number) => m.left + (x / xMax) * pw;
  const Y = (y: number) => m.top + ph - (y / yMax) * ph;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
  );
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="${m.left}" y="22" font-size="15" font-weight="bold">${esc(o.title)}</text>`);
  if (o.subtitle) out.push(`<text x="${m.left}" y="40" fill="#555">${esc(o.subtitle)}</text>`);
  // grid and ticks
  for (let y = 0; y <= yMax + 1e-9; y += yStep) {
    out.push(`<line x1="${m.left}" x2="${m.left + pw}" y1="${Y(y).toFixed(1)}" y2="${Y(y).toFixed(1)}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${m.left - 8}" y="${(Y(y) + 4).toFixed(1)}" text-anchor="end" fill="#333">${fmt(y)}</text>`);
  }
  for (let x = 0; x <= xMax + 1e-9; x += xStep) {
    out.push(`<line x1="${X(x).toFixed(1)}" x2="${X(x).toFixed(1)}" y1="${m.top}" y2="${m.top + ph}" stroke="#f0f0f0"/>`);
    out.push(`<text x="${X(x).toFixed(1)}" y="${m.top + ph + 18}" text-anchor="middle" fill="#333">${fmt(x)}</text>`);
  }
  out.push(`<line x1="${m.left}" x2="${m.left + pw}" y1="${m.top + ph}" y2="${m.top + ph}" stroke="#333"/>`);
  out.push(`<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${m.top + ph}" stroke="#333"/>`);
  out.push(`<text x="${m.left + pw / 2}" y="${H - 14}" text-anchor="middle">${esc(o.xLabel)}</text>`);
  out.push(`<text transform="translate(18 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle">${esc(o.yLabel)}</text>`);
  // series
  let legendY = 0;
  series.forEach((s) => {
    const pts = [...s.points].sort((a, b) => a.x - b.x);
    if (pts.length > 1) {
      const d = pts.map((p, j) => `${j ? 'L' : 'M'}${X(p.x).toFixed(1)} ${Y(p.y).toFixed(1)}`).join(' ');
      out.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    }
    for (const p of pts) {
      if (p.min !== undefined && p.max !== undefined && p.max > p.min) {
        const x = X(p.x).toFixed(1);
        out.push(
          `<line x1="${x}" x2="${x}" y1="${Y(p.min).toFixed(1)}" y2="${Y(p.max).toFixed(1)}" stroke="${s.color}" stroke-width="1.5"/>`,
        );
        for (const v of [p.min, p.max])
          out.push(
            `<line x1="${X(p.x) - 4}" x2="${X(p.x) + 4}" y1="${Y(v).toFixed(1)}" y2="${Y(v).toFixed(1)}" stroke="${s.color}" stroke-width="1.5"/>`,
          );
      }
      out.push(
        `<circle cx="${X(p.x).toFixed(1)}" cy="${Y(p.y).toFixed(1)}" r="4" fill="${s.color}"><title>${esc(`${s.name}: ${p.label ?? ''} ${fmt(p.x)} objects, ${p.y.toFixed(2)} s`)}</title></circle>`,
      );
    }
    // legend, with the medians (labels next to the points would collide where series meet)
    const ly = m.top + 10 + legendY;
    const lx = m.left + pw + 20;
    out.push(
      `<line x1="${lx}" x2="${lx + 26}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
    );
    out.push(`<circle cx="${lx + 13}" cy="${ly}" r="4" fill="${s.color}"/>`);
    out.push(`<text x="${lx + 34}" y="${ly + 4}" font-weight="bold">${esc(s.name)}</text>`);
    pts.forEach((p, j) => {
      out.push(
        `<text x="${lx + 34}" y="${ly + 20 + j * 15}" fill="#333" font-size="11">${esc(`${p.label ? `${p.label}: ` : ''}${p.y.toFixed(1)} s`)}</text>`,
      );
    });
    legendY += 30 + pts.length * 15;
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
