import { useRef, type ReactNode } from 'react';
import { exportPng, exportSvg } from './exportChart';

/** A chart with its caption, legend and SVG / PNG export links. */
export function ChartFrame({ title, name, testId, children, legend }: { title: string; name: string; testId: string; children: ReactNode; legend?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const svg = () => ref.current?.querySelector('svg') ?? undefined;
  return (
    <figure className="sf-chart" data-testid={testId}>
      <figcaption>
        {title}
        <span className="sf-chart__export">
          <button className="sf-link" onClick={() => svg() && exportSvg(svg()!, name)} data-testid={`${testId}-svg`}>
            SVG
          </button>
          <button className="sf-link" onClick={() => svg() && void exportPng(svg()!, name)} data-testid={`${testId}-png`}>
            PNG
          </button>
        </span>
      </figcaption>
      <div ref={ref}>{children}</div>
      {legend}
    </figure>
  );
}
