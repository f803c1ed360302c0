//! Any text as a rule pack (YAML): loaded, validated, and if it loads, run
//! on a fixture.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    styrkoll::fuzzing::rule_pack(data);
});
