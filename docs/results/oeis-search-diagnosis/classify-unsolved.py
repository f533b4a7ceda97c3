import csv,collections,math
r=list(csv.DictReader(open('docs/results/oeis-all-0s-v3/verdicts.tsv'),delimiter='\t'))
uns={x['id'] for x in r if x['solved']!='yes'}
seqs={}
for line in open('../shared/data/oeis/OEIS_clean.txt'):
    p=line.strip().split(' ',1)
    if len(p)<2: continue
    t=[int(v) for v in p[1].strip(',').split(',') if v]
    if p[0] in uns and len(t)>=30: seqs[p[0]]=t
cls=collections.Counter(); ex=collections.defaultdict(list)
def mult(a):
    if a[0]!=1: return False
    N=len(a); cnt=0
    for m in range(2,N+1):
        for k in range(m+1,N//m+1):
            if math.gcd(m,k)==1:
                cnt+=1
                if a[m*k-1]!=a[m-1]*a[k-1]: return False
    return cnt>=20
for sid,t in seqs.items():
    tr=t[:-10]
    inc=all(x<y for x,y in zip(tr,tr[1:]))
    mx=max(abs(x) for x in t)
    if inc and tr[0]>=0:
        ok=False
        if tr[-1]<5000:
            c=[0]*(tr[-1]+1)
            for x in tr: c[x]=1
            ok=mult(c[1:])
        if ok: k='list-multchar'
        elif tr[-1] < 3*len(tr): k='list-dense'
        elif mx<10**7: k='list-sparse'
        else: k='increasing-large'
    elif set(tr)<={0,1}: k='01'
    elif mx<100: k='small'
    elif mx<10**7: k='moderate'
    else: k='large'
    cls[k]+=1; ex[k].append(sid)
print(cls)
for k in ex: print(k, ex[k][:25])
