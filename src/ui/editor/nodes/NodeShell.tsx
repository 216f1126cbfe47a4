import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import type { FlowNodeData } from './types';

const KIND_LABEL = { arrivals: 'Arrivals', step: 'Step', delay: 'Delay', decision: 'Decision', exit: 'Exit', split: 'Parallel split', join: 'Join' } as const;

/** The frame every node kind shares: title, kind, department colour, handles and markers. */
export function NodeShell({ data, selected, children, className }: { data: FlowNodeData; selected: boolean; children?: ReactNode; className?: string }) {
  const { node, severity, messages, deptColor } = data;
  return (
    <div
      className={`sf-node sf-node--${node.kind} ${selected ? 'is-selected' : ''} ${severity ? `has-${severity}` : ''} ${className ?? ''}`}
      style={deptColor ? ({ '--dept': deptColor } as React.CSSProperties) : undefined}
      data-testid={`node-${node.id}`}
      title={messages.join('\n') || undefined}
    >
      {node.kind !== 'arrivals' && <Handle type="target" position={Position.Left} className="sf-handle" />}
      <div className="sf-node__kind">{node.kind === 'split' && node.mode === 'inclusive' ? 'Split (one or more)' : KIND_LABEL[node.kind]}</div>
      <div className="sf-node__name">{node.name}</div>
      {children}
      {severity && (
        <span className={`sf-node__marker sf-node__marker--${severity}`} aria-label={severity === 'error' ? 'Error' : 'Warning'}>
          {severity === 'error' ? '!' : '⚠'}
        </span>
      )}
      {node.kind !== 'exit' && <Handle type="source" position={Position.Right} className="sf-handle" />}
    </div>
  );
}
