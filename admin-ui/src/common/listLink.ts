/** A link to a list, with a filter in the URL as react-admin's lists read it. */
export const listLink = (resource: string, filter: object) => ({
  pathname: `/${resource}`,
  search: `filter=${encodeURIComponent(JSON.stringify(filter))}`,
});
