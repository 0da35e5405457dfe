// A translated sentence with React nodes in it: "Assigned %{task} to %{person}", where the task is
// a link. The catalogue keeps the whole sentence (each language orders its words as it needs);
// polyglot fills in the plain values and leaves the node placeholders, which are put in here.
import { Fragment, type ReactNode } from 'react';
import type { MessageKey } from './en';
import { useT } from './useT';

const PLACEHOLDER = /(%\{[a-z_]+\})/;

/** `template` with each `%{name}` of `nodes` replaced by its node; other text as it is. */
export function interpolate(template: string, nodes: Record<string, ReactNode>): ReactNode {
  return template.split(PLACEHOLDER).map((part, i) => {
    const name = /^%\{([a-z_]+)\}$/.exec(part)?.[1];
    return <Fragment key={i}>{name !== undefined && name in nodes ? nodes[name] : part}</Fragment>;
  });
}

export type TranslateNodes = (key: MessageKey, nodes: Record<string, ReactNode>, options?: Record<string, unknown>) => ReactNode;

/** useT for sentences with nodes in them: plain values (and smart_count) in `options`, nodes in `nodes`. */
export function useTNodes(): TranslateNodes {
  const t = useT();
  return (key, nodes, options) => interpolate(t(key, options), nodes);
}
