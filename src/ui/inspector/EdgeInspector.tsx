import type { CustomerClass, FlowEdge } from '../../model/schema';
import { FlowEdge as FlowEdgeSchema } from '../../model/schema';
import { NumberField, TextField } from './fields';

export interface EdgeInspectorProps {
  edge: FlowEdge;
  /** All edges leaving the same node, this one included. */
  siblings: FlowEdge[];
  sourceName: string;
  targetName: string;
  byClass: boolean;
  /** The connection leaves a parallel split: no share, every case sends a part. */
  parallel?: boolean;
  /** The connection leaves a split that takes one or more paths: a chance of its own. */
  inclusive?: boolean;
  classes: CustomerClass[];
  onCommit: (edges: FlowEdge[]) => void;
}

export function EdgeInspector({ edge, siblings, sourceName, targetName, byClass, parallel = false, inclusive = false, classes, onCommit }: EdgeInspectorProps) {
  const sum = siblings.reduce((s, e) => s + (e.probability ?? 0), 0);
  const commitOne = (next: FlowEdge) => {
    const r = FlowEdgeSchema.safeParse(next);
    if (!r.success) return r.error.issues[0]?.message ?? 'not valid';
    onCommit([next]);
    return undefined;
  };
  const balance = () => {
    const others = siblings.filter((e) => e.id !== edge.id);
    const rest = Math.max(0, 1 - (edge.probability ?? 0));
    const otherSum = others.reduce((s, e) => s + (e.probability ?? 0), 0);
    const shares = others.map((e) => Math.round((otherSum > 0 ? ((e.probability ?? 0) / otherSum) * rest : rest / others.length) * 1e6) / 1e6);
    // The last connection takes what rounding left over, so the total is 100 % exactly.
    shares[shares.length - 1] = Math.max(0, rest - shares.slice(0, -1).reduce((a, b) => a + b, 0));
    onCommit(others.map((e, i) => ({ ...e, probability: shares[i]! })));
  };
  return (
    <div className="sf-inspector__section" data-testid="edge-inspector">
      <h3>Connection</h3>
      <p className="sf-muted">
        From <strong>{sourceName}</strong> to <strong>{targetName}</strong>
      </p>
      {byClass ? (
        <fieldset className="sf-classes">
          <legend>Customer classes sent this way</legend>
          {classes.map((c) => (
            <label key={c.id}>
              <input
                type="checkbox"
                checked={edge.classIds?.includes(c.id) ?? false}
                onChange={(e) => {
                  const ids = new Set(edge.classIds ?? []);
                  if (e.target.checked) ids.add(c.id);
                  else ids.delete(c.id);
                  commitOne({ ...edge, classIds: [...ids] });
                }}
              />{' '}
              {c.name}
            </label>
          ))}
          <p className="sf-muted">A connection with no class ticked takes all other classes.</p>
        </fieldset>
      ) : inclusive ? (
        <>
          <NumberField label="Chance a case takes this path" value={edge.probability} percent onCommit={(probability) => commitOne({ ...edge, probability })} testId="field-probability" />
          <p className="sf-muted" data-testid="edge-inclusive">
            {inclusiveShareText(edge, siblings, sourceName)}
          </p>
        </>
      ) : parallel ? (
        <p className="sf-muted" data-testid="edge-parallel">
          A part of every case goes this way, at the same time as the parts on the other {siblings.length - 1 === 1 ? 'path' : `${siblings.length - 1} paths`} out of {sourceName}.
        </p>
      ) : siblings.length > 1 ? (
        <>
          <NumberField label="Share of customers" value={edge.probability} percent onCommit={(probability) => commitOne({ ...edge, probability })} testId="field-probability" />
          <p className={Math.abs(sum - 1) > 1e-6 ? 'sf-field__error' : 'sf-muted'} data-testid="probability-sum">
            All ways out of {sourceName} add up to {+(sum * 100).toFixed(1)} %{Math.abs(sum - 1) > 1e-6 ? ' — they must add up to 100 %.' : '.'}
          </p>
          {siblings.length > 1 && Math.abs(sum - 1) > 1e-6 && (
            <button type="button" className="sf-button" onClick={balance} data-testid="balance-shares">
              Share the rest among the other connections
            </button>
          )}
        </>
      ) : (
        <p className="sf-muted">Every customer takes this connection.</p>
      )}
      <TextField label="Label" value={edge.label ?? ''} onCommit={(label) => commitOne({ ...edge, label: label.trim() || undefined })} />
    </div>
  );
}

/** What the chances out of an inclusive split mean for this path, with at least one path taken. */
function inclusiveShareText(edge: FlowEdge, siblings: FlowEdge[], sourceName: string): string {
  if (siblings.some((e) => e.probability === undefined)) return `Give every path out of ${sourceName} a chance.`;
  const none = siblings.reduce((q, e) => q * (1 - e.probability!), 1);
  if (!(none < 1)) return `Every path out of ${sourceName} has a chance of 0 %: give at least one a chance above 0.`;
  const share = edge.probability! / (1 - none);
  return `Each path is taken on its own chance, and a case that would take none is drawn again: ${+(share * 100).toFixed(1)} % of the cases take this one.`;
}
