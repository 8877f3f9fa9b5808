const double = (x) => x * 2;
const square = async (x) => x * x;
const asList = workflow.parallel({ name: "list", steps: [double, square, { name: "neg", run: (x) => -x }], max_concurrency: 2 });
const asMap = workflow.parallel({ name: "map", steps: [{ name: "double", run: double }, { name: "square", run: square }], merge: "map" });
return { list: await asList.run(5), map: await asMap.run(5) };
