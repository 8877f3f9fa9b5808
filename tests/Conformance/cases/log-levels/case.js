log.debug("d");
log.info("i", { a: 1, b: "two" });
log.warn("w");
log.error("e", { code: 7 });
