const before = time.now();
await time.sleep(30);
return { waited: time.now() - before >= 30 };
