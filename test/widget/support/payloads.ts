/** Markup that would run if any business-supplied text were ever parsed as HTML. */
export const XSS = {
  script: '<script>window.__xss = (window.__xss || 0) + 1</script>',
  img: '<img src=x onerror="window.__xss = (window.__xss || 0) + 1">',
};
