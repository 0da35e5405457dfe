// Automatic routing (seed 001): rules on category, keywords, customer and priority choose a ticket's
// queue, the first that matches; within the queue the least-loaded agent with the queue among their
// skills gets it, or it waits there to be claimed, as configured. Pure: the ticket activities run it.
import { z } from 'zod';
import { PRIORITIES, type Priority } from './sla';

export const routingRuleSchema = z.strictObject({
  queue: z.string().min(1).max(60),
  categories: z.array(z.string().min(1).max(60)).optional(),
  /** Any of these words in the subject or description (case-insensitive, whole words). */
  keywords: z.array(z.string().min(1).max(60)).optional(),
  customerIds: z.array(z.uuid()).optional(),
  priorities: z.array(z.enum(PRIORITIES)).optional(),
});
export type RoutingRule = z.infer<typeof routingRuleSchema>;

export const routingSchema = z.strictObject({
  rules: z.array(routingRuleSchema).max(200),
  /** Where a ticket no rule matches goes. */
  defaultQueue: z.string().min(1).max(60),
  /** least-loaded: handed to an agent at once; claim: waits in the queue. */
  assign: z.enum(['least-loaded', 'claim']),
});
export type Routing = z.infer<typeof routingSchema>;

export const DEFAULT_ROUTING: Routing = {
  rules: [
    { queue: 'billing', categories: ['billing'] },
    { queue: 'billing', keywords: ['invoice', 'payment', 'refund', 'charge'] },
    { queue: 'technical', categories: ['technical', 'bug'] },
  ],
  defaultQueue: 'general',
  assign: 'least-loaded',
};

type Routed = { category: string; subject: string; description: string; customerId: string; priority: Priority };

const words = (text: string) => new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));

/** The queue of the first rule every condition of which the ticket meets; else the default queue. */
export function chooseQueue(ticket: Routed, routing: Routing): string {
  const said = words(`${ticket.subject} ${ticket.description}`);
  const rule = routing.rules.find(
    (r) =>
      (!r.categories || r.categories.includes(ticket.category)) &&
      (!r.keywords || r.keywords.some((k) => said.has(k.toLowerCase()))) &&
      (!r.customerIds || r.customerIds.includes(ticket.customerId)) &&
      (!r.priorities || r.priorities.includes(ticket.priority)),
  );
  return rule?.queue ?? routing.defaultQueue;
}
