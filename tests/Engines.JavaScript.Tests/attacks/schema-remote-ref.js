// expect: bad_argument outside the schema
// A schema must never make the host fetch anything: not a remote $ref, not a file, not loopback.
return await llm.structured("anything", { type: "object", properties: { a: { $ref: "file:///etc/passwd" } } });
