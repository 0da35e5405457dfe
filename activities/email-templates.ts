// The emails journeys send, as plain text. A workflow names a template and passes its data; the
// mail activity renders it, so wording can change without touching workflow code.
export type EmailTemplates = {
  welcome: { contactName: string; companyName: string; repName?: string };
};
export type EmailTemplate = keyof EmailTemplates;

type Rendered = { subject: string; text: string };

const templates: { [T in EmailTemplate]: (d: EmailTemplates[T]) => Rendered } = {
  welcome: (d) => ({
    subject: `Thanks for getting in touch, ${d.contactName}`,
    text: [
      `Hello ${d.contactName},`,
      '',
      `Thank you for telling us about ${d.companyName}'s project. ${d.repName ?? 'One of our team'} will call you within a working day to learn more.`,
      '',
      'Pivotal Flow',
    ].join('\n'),
  }),
};

export function renderEmail<T extends EmailTemplate>(template: T, data: EmailTemplates[T]): Rendered {
  return templates[template](data);
}
