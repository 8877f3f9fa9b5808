const fail = async (args) => { try { await tools.call("http_request", args); } catch (e) { return e; } };
const host = await fail({ url: "https://example.com/" });
const scheme = await fail({ url: "file:///etc/passwd" });
return { host: host.message, scheme: scheme.code };
