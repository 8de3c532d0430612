//! Developer tool: prints our compile error (kind, msg, line, col) for each source in
//! a JSON array of strings (used to compare with CPython's messages).
fn main() {
    let path = std::env::args().nth(1).expect("json file");
    let text = std::fs::read_to_string(path).expect("read");
    // minimal JSON string-array parser via serde-free approach: use python-generated escapes
    let cases: Vec<String> = parse_json_strings(&text);
    for c in cases {
        match pyc_frontend::compile(&c, "<test>", pyc_frontend::Mode::Exec) {
            Ok(_) => println!("OK"),
            Err(e) => println!("{} {:?} {} {}", e.kind, e.msg, e.line, e.col),
        }
    }
}

fn parse_json_strings(t: &str) -> Vec<String> {
    let mut out = Vec::new();
    let b: Vec<char> = t.chars().collect();
    let mut i = 0;
    while i < b.len() {
        if b[i] == '"' {
            let mut s = String::new();
            i += 1;
            while b[i] != '"' {
                if b[i] == '\\' {
                    i += 1;
                    match b[i] {
                        'n' => s.push('\n'),
                        't' => s.push('\t'),
                        'u' => {
                            let h: String = b[i + 1..i + 5].iter().collect();
                            s.push(char::from_u32(u32::from_str_radix(&h, 16).unwrap()).unwrap());
                            i += 4;
                        }
                        c => s.push(c),
                    }
                } else {
                    s.push(b[i]);
                }
                i += 1;
            }
            out.push(s);
        }
        i += 1;
    }
    out
}
