// expect: bad_argument is not an HTTP token
// CR/LF in a header name would end the header on the wire and smuggle a second request.
return await tools.call("http_request", { url: "http://example.com/", headers: { "X-A\r\nX-Forwarded-For": "127.0.0.1" } });
