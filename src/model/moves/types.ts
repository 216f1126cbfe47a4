// Shared types of the restructuring moves: pure functions from a flow to a new flow plus a
// sentence for the proposal's "What changed" list.
import type { Flow, TimeUnit } from '../schema';

/**
 * The outcome of a move. `touched` lists the nodes that were created, or whose fields or outgoing
 * connections changed (so the editor can highlight them); every other node that is still there is
 * exactly as it was, with the same outgoing connections.
 */
export type MoveResult = { ok: true; flow: Flow; description: string; touched: string[] } | { ok: false; message: string };

/** A customer class as far as the moves need it (a project's `CustomerClass` fits). */
export interface ClassInfo {
  id: string;
  share: number;
  name?: string;
}

/**
 * What a move may need to know about the project around the flow; passing the `Project` itself
 * works. `classes` are needed when the flow routes by class or has a class mix at its arrivals;
 * `timeUnit` (default minutes) turns arrival rates into the flow's unit and words times in the
 * descriptions; `scenarios` keeps new node ids from taking an id that means another node in
 * another scenario (results are matched by id).
 */
export interface ProjectInfo {
  classes?: readonly ClassInfo[];
  timeUnit?: TimeUnit;
  scenarios?: readonly { flow: { nodes: readonly { id: string }[] } }[];
}
