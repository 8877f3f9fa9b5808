-- expect: bad_argument holds a control character
-- CR/LF in a header value would end the header on the wire and smuggle a second request.
return tools.call("http_request", { url = "http://example.com/", headers = { ["X-A"] = "1\r\nGET /admin HTTP/1.1\r\nHost: internal" } })
