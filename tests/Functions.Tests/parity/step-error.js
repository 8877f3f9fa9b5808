const boom = (x) => { throw { code: "my_code", message: `boom on ${x}` }; };
return await workflow.sequential({ name: "fails", steps: [(x) => `${x}!`, { name: "boom", run: boom }] }).run(input.x);
