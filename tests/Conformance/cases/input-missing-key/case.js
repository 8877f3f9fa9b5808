return { missing: input.nothing === undefined, given: input.name };
