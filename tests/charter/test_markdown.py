from charter.markdown import render_markdown


def test_markdown_renders_emphasis_and_lists():
    html = render_markdown("We **win** when:\n\n- sellers ramp fast\n- managers coach")
    assert "<strong>win</strong>" in html
    assert "<li>sellers ramp fast</li>" in html


def test_script_tags_and_event_handlers_do_not_survive():
    html = render_markdown(
        '<script>alert(1)</script><img src=x onerror="alert(2)"> <a href="javascript:alert(3)">x</a>'
    )
    assert "<script" not in html
    assert "onerror" not in html
    assert "javascript:" not in html


def test_links_get_safe_rel():
    html = render_markdown("[docs](https://example.com)")
    assert 'href="https://example.com"' in html
    assert "noopener" in html
