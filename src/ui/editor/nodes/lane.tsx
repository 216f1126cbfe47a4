import type { Node, NodeProps } from '@xyflow/react';

export interface LaneData extends Record<string, unknown> {
  name: string;
  color: string;
  width: number;
  height: number;
  departmentId: string;
}

/** A department: a coloured band behind its steps, labelled with the department's name. */
export function LaneNodeView({ data }: NodeProps<Node<LaneData>>) {
  return (
    <div className="sf-lane" style={{ width: data.width, height: data.height, '--dept': data.color } as React.CSSProperties} data-testid={`lane-${data.departmentId}`}>
      <span className="sf-lane__label">{data.name}</span>
    </div>
  );
}
