// expect: memory_limit|instruction_limit|timeout
const spin = () => Promise.resolve().then(spin);
spin();
await new Promise(() => {});
