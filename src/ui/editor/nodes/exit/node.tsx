import type { NodeProps } from '@xyflow/react';
import { NodeShell } from '../NodeShell';
import type { FlowRFNode } from '../types';

export function ExitNodeView({ data, selected }: NodeProps<FlowRFNode>) {
  return <NodeShell data={data} selected={selected} />;
}
