//! Any bytes as a Word file: the zip and XML reader, then the checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    styrkoll::fuzzing::docx(data);
});
