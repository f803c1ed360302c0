//! Any bytes, as a Markdown or text file: decode, parse, classify and run
//! every rule. Nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    styrkoll::fuzzing::load_parse_check(data);
});
