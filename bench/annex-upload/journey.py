# Usage: journey.py <file> <app log> [annex number, default 2] [name to upload it as]
import re, sys, io, zipfile, json, urllib.request, urllib.parse, http.cookiejar, uuid
annex=sys.argv[3] if len(sys.argv)>3 else '2'
upload_name=sys.argv[4] if len(sys.argv)>4 else 'Étude de faisabilité.pdf'
base="http://localhost:5000"
jar=http.cookiejar.CookieJar()
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None
op=urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
def req(method, url, data=None, headers=None):
    r=urllib.request.Request(base+url if url.startswith('/') else url, data=data, method=method, headers=headers or {})
    r.add_header('Sec-Fetch-Site','same-origin')
    try:
        resp=op.open(r); return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()
def token(html, near=None):
    if near:
        i=html.index(near); html=html[i:]
    return re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html).group(1)
setup=re.search(r'(http://localhost:5000/account/setup/\S+)', open(sys.argv[2]).read()).group(1)
s,h,b=req('GET', setup); html=b.decode()
form=urllib.parse.urlencode({'organisationName':'Commune de Test','kind':'Municipality','displayName':'Awa Diop','email':'awa@test.org','password':'a long test phrase for signing in','__RequestVerificationToken':token(html)}).encode()
s,h,b=req('POST', setup, form, {'Content-Type':'application/x-www-form-urlencoded'}); print('setup', s, h.get('Location'))
s,h,b=req('GET','/'); html=b.decode(); print('home', s)
ids=re.findall(r'href="/proposals/([0-9a-f-]{36})"', html); print('proposals', len(set(ids)))
pid=None
for i in dict.fromkeys(ids):
    s,h,b=req('GET',f'/proposals/{i}/annexes/files')
    if f'name="annex" value="{annex}"'.encode() in b and (annex == '2' or b'Tamale' in b): pid=i; page=b.decode(); break
print('annex page', s, pid)
pdf=open(sys.argv[1],'rb').read()
boundary='----x'+uuid.uuid4().hex
def part(name, value, filename=None, ctype=None):
    head=f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'+(f'; filename="{filename}"' if filename else '')+'\r\n'+(f'Content-Type: {ctype}\r\n' if ctype else '')+'\r\n'
    return head.encode()+value+b'\r\n'
i=page.index(f'name="annex" value="{annex}"'); start=page.rfind('<form', 0, i)
tok=token(page[start:])
body=part('__RequestVerificationToken',tok.encode())+part('annex',annex.encode())+part('files',pdf,upload_name,'application/octet-stream')+f'--{boundary}--\r\n'.encode()
s,h,b=req('POST',f'/proposals/{pid}/annexes/files?handler=Attach',body,{'Content-Type':f'multipart/form-data; boundary={boundary}'}); print('attach', s, h.get('Location'))
s,h,b=req('GET',h.get('Location').split('#')[0]); print('after', s, upload_name in b.decode())
s,h,b=req('GET',f'/proposals/{pid}/package'); html=b.decode()
form=urllib.parse.urlencode({'template':'gcf-funding-proposal','lang':'en','file':'zip','__RequestVerificationToken':token(html, '<form method="post"')}).encode()
s,h,b=req('POST',f'/proposals/{pid}/package',form,{'Content-Type':'application/x-www-form-urlencoded'}); print('package', s, h.get('Content-Disposition'), len(b))
open('/tmp/annex-upload-package.zip','wb').write(b)
z=zipfile.ZipFile(io.BytesIO(b)); print('testzip', z.testzip())
for e in z.infolist(): print(' ', e.filename, e.file_size, e.compress_type)
m=json.loads(z.read('manifest.json')); print([f for f in m['files'] if f['name'].startswith('annexes/')])
