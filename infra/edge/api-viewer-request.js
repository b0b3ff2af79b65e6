// CloudFront Function (cloudfront-js-2.0), viewer request, /api/* behaviour.
// 1. The API resolves the tenant from the viewer's host, which CloudFront replaces with the
//    API's own host on the way to the origin: pass it on in x-portico-host.
// 2. Sessions live in an HttpOnly cookie the browser's scripts cannot read; the HTTP API's JWT
//    authorizer reads the Authorization header, so the cookie becomes a bearer token here.
// 3. Behind CloudFront the API sees an edge's address as the source IP: pass the viewer's own in
//    x-portico-viewer-ip (per-visitor limits count it), over any value the viewer sent. Only
//    CloudFront reaches the API (the origin secret), so the API may trust it.
// The local server runs this very file.
function handler(event) {
  var request = event.request;
  var host = (request.headers.host && request.headers.host.value) || '';
  request.headers['x-portico-host'] = { value: host.toLowerCase() };
  if (event.viewer && event.viewer.ip) request.headers['x-portico-viewer-ip'] = { value: event.viewer.ip };
  else delete request.headers['x-portico-viewer-ip'];
  var session = request.cookies && request.cookies.portico_session;
  if (session && session.value && !request.headers.authorization) {
    request.headers.authorization = { value: 'Bearer ' + session.value };
  }
  return request;
}
