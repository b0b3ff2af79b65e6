// CloudFront Function (cloudfront-js-2.0), viewer request, default (site) behaviour.
// The dashboard and every studio portal are served from one bucket: the host decides which
// half of the built site a path maps to. The local server runs this very file.
// __DASHBOARD_HOST__ is replaced with the dashboard host name when the function is created.
var DASHBOARD_HOST = '__DASHBOARD_HOST__';

function handler(event) {
  var request = event.request;
  var host = ((request.headers.host && request.headers.host.value) || '').toLowerCase().split(':')[0];
  var uri = request.uri;
  // Shared build assets are served as they are.
  if (uri.indexOf('/_astro/') === 0 || uri.indexOf('/static/') === 0 || uri === '/favicon.svg' || uri === '/robots.txt') {
    return request;
  }
  var area = host === DASHBOARD_HOST ? '/app' : '/portal';
  // Pages for one record (a gallery) are one static page that reads the id from the address.
  if (/^\/galleries\/[0-9a-f-]{36}\/?$/.test(uri)) {
    request.uri = area + '/galleries/detail/index.html';
    return request;
  }
  if (/^\/projects\/[0-9a-f-]{36}\/?$/.test(uri)) {
    request.uri = area + '/projects/detail/index.html';
    return request;
  }
  if (/^\/projects\/[0-9a-f-]{36}\/deliverables\/[0-9a-f-]{36}\/?$/.test(uri)) {
    request.uri = area + '/projects/deliverable/index.html';
    return request;
  }
  // A release: the studio's page in the Portal Manager, and the client's signing page on a portal.
  if (/^\/portal-manager\/releases\/[0-9a-f-]{36}\/?$/.test(uri)) {
    request.uri = area + '/portal-manager/releases/detail/index.html';
    return request;
  }
  // An invoice: the studio's page on the dashboard.
  if (area === '/app' && /^\/billing\/[0-9a-f-]{36}\/?$/.test(uri)) {
    request.uri = '/app/billing/detail/index.html';
    return request;
  }
  if (/^\/releases\/[0-9a-f-]{36}\/?$/.test(uri)) {
    request.uri = area + '/releases/detail/index.html';
    return request;
  }
  // An invoice: the client's invoice page on a portal (and the studio's, should the dashboard add one).
  if (/^\/billing\/[0-9a-f-]{36}\/?$/.test(uri)) {
    request.uri = area + '/billing/detail/index.html';
    return request;
  }
  if (uri.charAt(uri.length - 1) === '/') {
    uri += 'index.html';
  } else if (uri.lastIndexOf('.') <= uri.lastIndexOf('/')) {
    uri += '/index.html';
  }
  request.uri = area + uri;
  return request;
}
