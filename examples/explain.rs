use std::io::Read;
fn main() {
    for path in std::env::args().skip(1) {
        let mut b = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap())
            .read_to_end(&mut b)
            .unwrap();
        let d = newsdecode::decode::decode_bytes(&b, None, usize::MAX).unwrap();
        let doc = newsdecode::parse::Document::parse(&d.text);
        println!("{}", newsdecode::segment::html::explain(&doc));
    }
}
