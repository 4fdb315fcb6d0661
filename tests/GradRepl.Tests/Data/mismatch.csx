// # A lesson with a wrong expectation

// ## Right
print("one");
//> one

// ## Wrong
print("two");
print("three");
//> two
//> four
