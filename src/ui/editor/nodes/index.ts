import { ArrivalsNodeView } from './arrivals/node';
import { StepNodeView } from './step/node';
import { DelayNodeView } from './delay/node';
import { DecisionNodeView } from './decision/node';
import { ExitNodeView } from './exit/node';
import { SplitNodeView } from './split/node';
import { JoinNodeView } from './join/node';
import { LaneNodeView } from './lane';

export const nodeTypes = {
  arrivals: ArrivalsNodeView,
  step: StepNodeView,
  delay: DelayNodeView,
  decision: DecisionNodeView,
  exit: ExitNodeView,
  split: SplitNodeView,
  join: JoinNodeView,
  lane: LaneNodeView,
};
