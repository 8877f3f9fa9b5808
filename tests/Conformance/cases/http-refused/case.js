const fail = async (f) => { try { await f(); return null; } catch (e) { return e; } };
const get = await fail(() => http.get("https://example.com/"));
const post = await fail(() => http.post("https://example.com/", { a: 1 }));
const request = await fail(() => http.request({ url: "file:///etc/passwd" }));
const option = await fail(() => http.request({ url: "https://example.com/", verb: "GET" }));
return { get: get.message, post: post.code, request: request.message, option: option.message };
