import { useTranslate } from 'react-admin';

/** A role id from the API (`support_lead`) as people read it ("Support lead"); a role the catalogue lacks as it is. */
export function useRoleLabel() {
  const translate = useTranslate();
  return (role: string): string => translate(`app.roles.${role}`, { _: role });
}
